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

  private void drainAndStop() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
