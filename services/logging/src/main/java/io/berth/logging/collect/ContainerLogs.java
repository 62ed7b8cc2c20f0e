package io.berth.logging.collect;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogStream;
import io.berth.logging.driver.LogTarget;
import io.berth.logging.file.LogFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One container's logging on this node: its driver, the collectors reading its stdout and stderr, and what readers
 * wait on. {@link #producerGone()} turns true once the container stopped and everything it wrote was logged, which
 * ends {@code docker logs --follow}.
 */
public final class ContainerLogs {
  /** How long a stopped container's output may take to drain before its sources are released. */
  static final long DRAIN_MILLIS = 5_000;

  private final ContainerInfo info;
  private final EffectiveLogConfig config;
  private final LogTarget target;
  private final Path stdout;
  private final Path stderr;
  private final List<StreamCollector> collectors = new ArrayList<>();
  private final Object signal = new Object();
  private volatile boolean gone;
  private volatile boolean closed;

  public ContainerLogs(ContainerInfo info, EffectiveLogConfig config, LogTarget target, Path stdout, Path stderr) {
    this.info = info;
    this.config = config;
    this.target = target;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public ContainerInfo info() { return info; }
  public EffectiveLogConfig config() { return config; }
  public LogTarget target() { return target; }
  public Path stdoutPath() { return stdout; }
  public Path stderrPath() { return stderr; }

  /** Starts reading the container's output (at create, and again at each restart). */
  public synchronized void startCollecting() {
    if (closed || collectors.stream().anyMatch(StreamCollector::alive)) return;
    collectors.clear();
    gone = false;
    collectors.add(new StreamCollector(info.shortId(), LogStream.STDOUT, stdout, target.driver()));
    if (stderr != null) collectors.add(new StreamCollector(info.shortId(), LogStream.STDERR, stderr, target.driver()));
  }

  /**
   * The container stopped: drain the collectors (up to {@value #DRAIN_MILLIS} ms for both streams together; a source
   * some process still holds open is then released, keeping what was read), flush, and let followers finish.
   * Blocking.
   */
  public void stopped() {
    end(false);
  }

  private void end(boolean now) {
    List<StreamCollector> current;
    synchronized (this) {
      current = List.copyOf(collectors);
    }
    if (now) {
      for (StreamCollector c : current) c.release();
    } else {
      long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
      for (StreamCollector c : current) c.beginStop();
      for (StreamCollector c : current) {
        if (!c.awaitStop(deadline)) c.release();
      }
    }
    try {
      target.driver().flush();
    } catch (IOException ignored) {
      // the followers end anyway; the driver reported its error when it happened
    }
    gone = true;
    notifyReaders();
  }

  /** The container was removed: stop everything and close the driver. Blocking. */
  public void close() throws IOException {
    closed = true;
    stopped();
    target.driver().close();
  }

  /**
   * berth stops while the container lives on: stop reading at once (what is still in the pipe waits for the next
   * start), hand what was read to the driver, keep spooled lines for the next start. Blocking.
   */
  public void suspend() throws IOException {
    closed = true;
    end(true);
    target.driver().suspend();
  }

  public boolean producerGone() {
    return gone || closed;
  }

  public void notifyReaders() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** A reader of this container's log, or null when its driver keeps nothing to read. */
  public LogFileReader reader() {
    return target.readPath() == null ? null : new LogFileReader(target.readPath(), target.readFormat());
  }

  public LogFileReader.Follow follow(java.util.function.BooleanSupplier cancelled) {
    return new LogFileReader.Follow() {
      @Override public boolean producerGone() { return ContainerLogs.this.producerGone(); }

      @Override
      public void await(long millis) throws InterruptedException {
        synchronized (signal) {
          signal.wait(millis);
        }
      }

      @Override public boolean cancelled() { return cancelled.getAsBoolean(); }
    };
  }
}
