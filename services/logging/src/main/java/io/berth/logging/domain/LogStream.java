package io.berth.logging.domain;

/** A container output stream, with the stream byte of Docker's multiplexed framing. */
public enum LogStream {
  STDOUT("stdout", 1), STDERR("stderr", 2);

  private final String wire;
  private final int frameType;

  LogStream(String wire, int frameType) {
    this.wire = wire;
    this.frameType = frameType;
  }

  /** {@code stdout} or {@code stderr}, as Docker writes it in {@code "stream"}. */
  public String wire() { return wire; }

  /** The first byte of the 8-byte multiplexed-stream header. */
  public int frameType() { return frameType; }

  public static LogStream of(String wire) {
    return "stderr".equals(wire) ? STDERR : STDOUT;
  }
}
