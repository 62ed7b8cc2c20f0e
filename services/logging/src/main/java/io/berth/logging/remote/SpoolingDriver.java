package io.berth.logging.remote;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.Threads;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to a {@link RemoteSink} through a write-ahead {@link DiskSpool}: the container's messages are appended
 * to the spool by the collector (a page-cache write), and one sender thread delivers from its front in batches. A
 * sink that is slow or down (Docker's moby#40093 pain point) therefore never blocks the container; the sender retries
 * as its {@link Retry} policy says (by default 100 ms doubling to 2 s, never giving up), delivers the backlog in order when the sink is back, and reports the recovery. Only a full
 * spool loses messages, and those are counted. {@link Batching} sets the batch size and how long a batch that is not
 * full waits for more (Splunk's post frequency).
 */
public final class SpoolingDriver implements LogDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolingDriver.class);

  private final RemoteSink sink;
  private final DiskSpool spool;
  private final DropListener drops;
  private final Batching batching;
  private final Retry retry;
  private final long messageLimit;
  private final Thread sender;
  private final Object wakeup = new Object();
  private volatile boolean closing;
  private volatile boolean draining;
  private long waitingSince = -1;
  private volatile long downSince = -1;
  private int failures;

  public SpoolingDriver(RemoteSink sink, DiskSpool spool, DropListener drops, String threadName) {
    this(sink, spool, drops, SendPolicy.DEFAULT, threadName);
  }

  public SpoolingDriver(RemoteSink sink, DiskSpool spool, DropListener drops, SendPolicy policy, String threadName) {
    this.batching = policy.batching();
    this.retry = policy.retry();
    this.messageLimit = policy.messageLimit();
    this.sink = sink;
    this.spool = spool;
    this.drops = drops;
    this.sender = Threads.start(threadName, this::run);
  }

  @Override public String name() { return sink.driver(); }

  @Override
  public void log(LogMessage m) {
    if (messageLimit != Long.MAX_VALUE && spool.count() >= messageLimit) {
      drops.dropped(1, "buffer-full");
    } else if (!spool.add(m)) {
      drops.dropped(1, "spool-full");
    }
  }

  @Override
  public void flush() throws IOException {
    spool.flush();
    synchronized (wakeup) {
      wakeup.notifyAll();
    }
  }

  /** Whether the sink is currently considered down. */
  public boolean sinkDown() {
    return downSince >= 0;
  }

  private void run() {
    while (true) {
      try {
        List<LogMessage> batch = spool.peek(batching.maxMessages());
        if (batch.isEmpty()) {
          waitingSince = -1;
          if (closing) return;
          synchronized (wakeup) {
            wakeup.wait(200);
          }
          continue;
        }
        long linger = lingerLeft(batch.size());
        if (linger > 0) {
          synchronized (wakeup) {
            wakeup.wait(Math.min(linger, 200));
          }
          continue;
        }
        try {
          sink.send(batch);
        } catch (IOException e) {
          markDown(e);
          failures++;
          if (retry.exhausted(failures)) {
            LOG.warn("{} gave up a batch of {} after {} attempts: {}", sink.driver(), batch.size(), failures,
                e.getMessage());
            spool.commit(batch.size());
            drops.dropped(batch.size(), "retries-exhausted");
            failures = 0;
            continue;
          }
          if (closing) return;
          Thread.sleep(retry.waitAfter(failures));
          continue;
        }
        spool.commit(batch.size());
        waitingSince = -1;
        failures = 0;
        recoveredIfDown();
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        LOG.warn("{} spool failed: {}", sink.driver(), e.getMessage());
        if (closing) return;
      }
    }
  }

  /** How much longer a batch of {@code size} should wait for company; 0 = send now. */
  private long lingerLeft(int size) {
    if (batching.lingerMillis() == 0 || size >= batching.maxMessages() || draining || closing) return 0;
    long now = System.nanoTime();
    if (waitingSince < 0) waitingSince = now;
    long left = batching.lingerMillis() - (now - waitingSince) / 1_000_000;
    return Math.max(0, left);
  }

  private void recoveredIfDown() {
    if (downSince < 0) return;
    long down = System.currentTimeMillis() - downSince;
    downSince = -1;
    LOG.info("{} sink recovered after {} ms", sink.driver(), down);
    drops.recovered(sink.driver(), down);
  }

  private void markDown(IOException e) {
    sink.reset();
    if (downSince < 0) {
      downSince = System.currentTimeMillis();
      LOG.warn("{} sink unavailable, spooling to disk: {}", sink.driver(), e.toString());
    }
  }

  /** Stops the sender and keeps the spool on disk for the next start. */
  @Override
  public void suspend() throws IOException {
    flush();
    closing = true;
    sender.interrupt();
    try {
      sender.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.close();
    spool.suspend();
  }

  /**
   * Delivers what is spooled (up to 15 s while the sink takes it; at once when the sink is down, so removing a
   * container never stalls the node's event handling), then closes; what is left is counted lost.
   */
  @Override
  public void close() throws IOException {
    draining = true;
    flush();
    long deadline = System.currentTimeMillis() + 15_000;
    while (!spool.isEmpty() && !sinkDown() && System.currentTimeMillis() < deadline && sender.isAlive()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closing = true;
    sender.interrupt();
    try {
      sender.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long lost = spool.count();
    if (lost > 0) drops.dropped(lost, "sink-unavailable");
    sink.close();
    spool.close();
  }
}
