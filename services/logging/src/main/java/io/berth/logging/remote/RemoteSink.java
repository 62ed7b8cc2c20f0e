package io.berth.logging.remote;

import io.berth.logging.domain.LogMessage;
import java.io.IOException;
import java.util.List;

/**
 * A remote log destination (syslog, GELF, Splunk HEC, Fluentd, journald). {@link #send} delivers a batch in order
 * or throws; after a throw the whole batch is sent again later (from the spool), so a receiver may see a line twice
 * but never misses one.
 */
public interface RemoteSink extends AutoCloseable {

  /** Docker's driver name. */
  String driver();

  void send(List<LogMessage> batch) throws IOException;

  /** Drops the connection so the next send reconnects; for connection-based sinks that is closing it. */
  default void reset() {
    close();
  }

  @Override
  void close();
}
