package io.berth.logging.collect;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.PartialMeta;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.driver.LogDriver;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Docker's copier: cuts a stream into lines; a line longer than {@value #MAX_LINE} bytes leaves as partial messages
 * of that size sharing an id, numbered from 1, the one that ends the line marked last. Each message carries the time
 * its bytes were read. One per stream; not thread-safe.
 */
public final class LineSplitter {
  public static final int MAX_LINE = 16 * 1024;

  private final LogStream stream;
  private final LogDriver driver;
  private final byte[] pending = new byte[MAX_LINE];
  private int pendingLen;
  private String partialId;
  private int ordinal;

  public LineSplitter(LogStream stream, LogDriver driver) {
    this.stream = stream;
    this.driver = driver;
  }

  /** Splits {@code data[off, off+len)}, read at {@code timeNanos}. */
  public void accept(byte[] data, int off, int len, long timeNanos) throws IOException {
    int end = off + len;
    int p = off;
    while (p < end) {
      int nl = indexOf(data, p, end);
      if (nl < 0) {
        int room = MAX_LINE - pendingLen;
        int take = Math.min(room, end - p);
        System.arraycopy(data, p, pending, pendingLen, take);
        pendingLen += take;
        p += take;
        if (pendingLen == MAX_LINE) emitPartial(timeNanos);
        continue;
      }
      int take = nl - p;
      if (pendingLen + take > MAX_LINE) {
        // fill the pending piece to 16 KiB, emit it, continue with the rest of this line
        int fill = MAX_LINE - pendingLen;
        System.arraycopy(data, p, pending, pendingLen, fill);
        pendingLen = MAX_LINE;
        p += fill;
        emitPartial(timeNanos);
        continue;
      }
      byte[] line;
      if (pendingLen == 0) {
        line = Arrays.copyOfRange(data, p, nl);
      } else {
        line = new byte[pendingLen + take];
        System.arraycopy(pending, 0, line, 0, pendingLen);
        System.arraycopy(data, p, line, pendingLen, take);
        pendingLen = 0;
      }
      PartialMeta meta = partialId == null ? null : new PartialMeta(partialId, ++ordinal, true);
      partialId = null;
      driver.log(new LogMessage(stream, line, timeNanos, meta));
      p = nl + 1;
    }
  }

  /** The stream ended: what is left is logged as the end of its line. */
  public void finish() throws IOException {
    if (pendingLen == 0 && partialId == null) return;
    PartialMeta meta = partialId == null ? null : new PartialMeta(partialId, ++ordinal, true);
    driver.log(new LogMessage(stream, Arrays.copyOf(pending, pendingLen), Rfc3339.nowNanos(), meta));
    pendingLen = 0;
    partialId = null;
  }

  private void emitPartial(long timeNanos) throws IOException {
    if (partialId == null) {
      partialId = UUID.randomUUID().toString().replace("-", "");
      ordinal = 0;
    }
    driver.log(new LogMessage(stream, Arrays.copyOf(pending, pendingLen), timeNanos,
        new PartialMeta(partialId, ++ordinal, false)));
    pendingLen = 0;
  }

  private static int indexOf(byte[] data, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == '\n') return i;
    }
    return -1;
  }
}
