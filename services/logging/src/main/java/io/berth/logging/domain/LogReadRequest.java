package io.berth.logging.domain;

/**
 * What a {@code logs} request asks for (Docker's {@code ReadConfig} plus the output flags).
 *
 * @param tail       number of last messages, or -1 for all
 * @param sinceNanos only messages at or after this time (0 = no bound)
 * @param untilNanos only messages before this time (0 = no bound)
 */
public record LogReadRequest(boolean stdout, boolean stderr, boolean follow, int tail, long sinceNanos,
                             long untilNanos, boolean timestamps, boolean details) {

  public boolean wants(LogMessage m) {
    if (m.stream() == LogStream.STDOUT ? !stdout : !stderr) return false;
    if (sinceNanos > 0 && m.timeNanos() < sinceNanos) return false;
    return untilNanos <= 0 || m.timeNanos() <= untilNanos;
  }

  public boolean pastUntil(LogMessage m) {
    return untilNanos > 0 && m.timeNanos() > untilNanos;
  }
}
