package io.berth.logging.driver;

import io.berth.logging.domain.LogMessage;
import java.io.IOException;

/**
 * A log driver in Docker's sense ({@code logger.Logger}): receives a container's messages in order per stream.
 * {@link #log} may be called from the stdout and the stderr collector at once; implementations are thread-safe.
 * In blocking mode {@code log} may block (back-pressure); it never drops silently.
 */
public interface LogDriver extends AutoCloseable {

  /** Docker's driver name, e.g. {@code json-file}. */
  String name();

  void log(LogMessage m) throws IOException;

  /** The end of a batch the collector read: make what was logged visible to readers. */
  default void flush() throws IOException {
  }

  /** The container is gone: deliver what can be delivered and release everything, spooled data included. */
  @Override
  void close() throws IOException;

  /**
   * berth is stopping, the container is not gone: release resources but keep what is spooled on disk, so the next
   * start delivers it. Drivers without a spool simply close.
   */
  default void suspend() throws IOException {
    close();
  }
}
