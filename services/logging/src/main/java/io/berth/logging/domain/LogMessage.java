package io.berth.logging.domain;

import java.nio.charset.StandardCharsets;

/**
 * One message of a container's output: a line without its newline (or a 16 KiB piece of a longer one), the stream,
 * and the time berth read it in nanoseconds since the epoch (UTC).
 *
 * @param partial {@code null} for a whole line
 */
public record LogMessage(LogStream stream, byte[] line, long timeNanos, PartialMeta partial) {

  /** Whether a newline ends this message: a whole line, or the last piece of a split one (Docker's rule). */
  public boolean endsLine() {
    return partial == null || partial.last();
  }

  public String text() {
    return new String(line, StandardCharsets.UTF_8);
  }

  public static LogMessage of(LogStream stream, String line, long timeNanos) {
    return new LogMessage(stream, line.getBytes(StandardCharsets.UTF_8), timeNanos, null);
  }
}
