package io.berth.logging.container;

import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.driver.DropListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What collecting a container's logs does to the node: FIFOs, the driver's files and connections, the collector
 * threads. {@link NodeCollectionHost} is the real one; unit tests of {@link LogCollectionController} use an in-memory
 * one. Every method may block; the controller calls them off the event loop.
 */
public interface CollectionHost {

  /** Equivalent to {@code mkfifo} of {@code <dir>/stdout.fifo} (and {@code stderr.fifo} unless TTY); kept if present. */
  StdioSources fifos(Path dir, boolean tty) throws IOException;

  /**
   * Opens the driver {@code cfg} names ({@code dir} is the container's directory: json-file's log, the cache, the
   * spool) and wraps it with the container's sources; nothing is read yet. A driver that refuses its options at
   * open (dockerd's constructor checks) throws {@code BerthException.InvalidRequest} with Docker's message.
   */
  ContainerLogs open(ContainerInfo info, EffectiveLogConfig cfg, Path dir, StdioSources stdio, DropListener drops)
      throws IOException;

  /** Starts reading the sources (at create and at every start); a no-op while they are being read. */
  void collect(ContainerLogs logs);

  /** The container stopped: read what its writers left, flush the driver, end followers. */
  void drain(ContainerLogs logs);

  /** The container is gone: drain, then close the driver (delivering what it holds). */
  void close(ContainerLogs logs) throws IOException;
}
