package io.berth.logging.file;

import io.berth.logging.domain.LogMessage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * How a file driver lays messages out on disk: encoding one, decoding a run of whole records, and finding record
 * boundaries backwards from a position (so {@code tail} reads only the end of a large file).
 */
public interface LogFormat {

  /** Appends the record for {@code m} to {@code out}. */
  void encode(LogMessage m, ByteBuf out);

  /**
   * Decodes the whole records in {@code data[0, len)}; returns how many bytes they used (a trailing incomplete record
   * is left for the next read).
   */
  int decode(byte[] data, int len, List<LogMessage> out);

  /**
   * The offset in {@code ch} where the last {@code n} records before {@code end} begin (0 when there are fewer),
   * reading backwards in blocks.
   */
  long seekLast(FileChannel ch, long end, int n) throws IOException;
}
