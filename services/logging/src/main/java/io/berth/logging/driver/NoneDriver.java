package io.berth.logging.driver;

import io.berth.logging.domain.LogMessage;

/** {@code none}: output is read (so the container never blocks on a full pipe) and discarded. */
public final class NoneDriver implements LogDriver {
  @Override public String name() { return "none"; }
  @Override public void log(LogMessage m) { }
  @Override public void close() { }
}
