package io.berth.logging.driver;

import io.berth.logging.domain.LogMessage;
import java.io.IOException;

/**
 * Docker's dual logging: a driver that cannot be read (syslog, gelf, splunk, fluentd, journald here) is paired with a
 * local-format cache that {@code docker logs} reads ({@code cache-disabled}, {@code cache-max-size},
 * {@code cache-max-file}, {@code cache-compress}). The cache is written first, so a message is readable even while a
 * remote sink is down.
 */
public final class DualLogDriver implements LogDriver {
  private final LogDriver primary;
  private final LogDriver cache;

  public DualLogDriver(LogDriver primary, LogDriver cache) {
    this.primary = primary;
    this.cache = cache;
  }

  @Override public String name() { return primary.name(); }

  @Override
  public void log(LogMessage m) throws IOException {
    cache.log(m);
    primary.log(m);
  }

  @Override
  public void flush() throws IOException {
    cache.flush();
    primary.flush();
  }

  @Override
  public void suspend() throws IOException {
    try {
      primary.suspend();
    } finally {
      cache.close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      primary.close();
    } finally {
      cache.close();
    }
  }
}
