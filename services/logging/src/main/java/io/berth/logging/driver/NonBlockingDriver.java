package io.berth.logging.driver;

import io.berth.logging.domain.LogMessage;
import java.io.IOException;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's {@code mode=non-blocking}: a buffer of {@code max-buffer-size} bytes (default 1 MiB) between the container
 * and the driver; when it is full new messages are dropped and counted, so the container never waits on the driver.
 */
public final class NonBlockingDriver implements LogDriver {
  static final long DEFAULT_DRAIN_MILLIS = 5_000;

  private final long drainMillis;
  private static final Logger LOG = LoggerFactory.getLogger(NonBlockingDriver.class);

  private final LogDriver inner;
  private final long maxBytes;
  private final DropListener drops;
  private final ArrayDeque<LogMessage> queue = new ArrayDeque<>();
  private final Thread worker;
  private long bytes;
  private boolean closed;
  private boolean flushRequested;

  public NonBlockingDriver(LogDriver inner, long maxBytes, DropListener drops, String threadName) {
    this(inner, maxBytes, drops, threadName, DEFAULT_DRAIN_MILLIS);
  }

  NonBlockingDriver(LogDriver inner, long maxBytes, DropListener drops, String threadName, long drainMillis) {
    this.drainMillis = drainMillis;
    this.inner = inner;
    this.maxBytes = maxBytes;
    this.drops = drops;
    this.worker = Threads.start(threadName, this::drain);
  }

  @Override public String name() { return inner.name(); }

  @Override
  public synchronized void log(LogMessage m) {
    if (bytes + m.line().length > maxBytes) {
      drops.dropped(1, "buffer-full");
      return;
    }
    queue.add(m);
    bytes += m.line().length;
    notifyAll();
  }

  @Override
  public synchronized void flush() {
    flushRequested = true;
    notifyAll();
  }

  private void drain() {
    while (true) {
      LogMessage m;
      boolean flush;
      synchronized (this) {
        while (queue.isEmpty() && !closed && !flushRequested) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (queue.isEmpty() && closed) return;
        m = queue.poll();
        if (m != null) bytes -= m.line().length;
        flush = queue.isEmpty() && flushRequested;
        if (flush) flushRequested = false;
      }
      try {
        if (m != null) inner.log(m);
        if (flush) inner.flush();
      } catch (IOException e) {
        LOG.warn("{} driver failed: {}", inner.name(), e.getMessage());
        drops.dropped(1, "driver-error");
      }
    }
  }

  @Override
  public void suspend() throws IOException {
    drainAndStop();
    inner.suspend();
  }

  @Override
  public void close() throws IOException {
    drainAndStop();
    inner.close();
  }

  /**
   * Hands what is buffered to the driver before it is closed, for up to 5 s by default; what the driver did
   * not take by then is counted lost ({@code stop-timeout}), and the worker is stopped.
   */
  private void drainAndStop() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      worker.join(drainMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!worker.isAlive()) return;
    int left;
    synchronized (this) {
      left = queue.size();
      queue.clear();
      bytes = 0;
    }
    worker.interrupt();
    try {
      worker.join(1_000); // the message the driver hung on is counted by the worker as it gives up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (left > 0) {
      LOG.warn("{} driver did not take {} buffered messages in {} ms", inner.name(), left, drainMillis);
      drops.dropped(left, "stop-timeout");
    }
  }
}
