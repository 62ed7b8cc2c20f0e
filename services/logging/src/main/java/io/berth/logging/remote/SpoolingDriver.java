package io.berth.logging.remote;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.Threads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to a {@link RemoteSink} from one sender thread, so the container waits at most for a small in-memory
 * queue. While the sink is down (Docker's moby#40093 pain point) messages go to a bounded {@link DiskSpool}; the
 * sender retries with backoff and, when the sink is back, sends the spool in order before any newer message, then
 * reports the recovery. Only a full spool loses messages, and those are counted.
 */
public final class SpoolingDriver implements LogDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolingDriver.class);
  private static final int BATCH = 1000;
  private static final LogMessage FLUSH = new LogMessage(null, new byte[0], 0, null);

  private final RemoteSink sink;
  private final DiskSpool spool;
  private final DropListener drops;
  private final BlockingQueue<LogMessage> queue = new ArrayBlockingQueue<>(8192);
  private final Thread sender;
  private volatile boolean closing;
  private long downSince = -1;
  private long nextAttempt;
  private long backoff = 100;

  public SpoolingDriver(RemoteSink sink, DiskSpool spool, DropListener drops, String threadName) {
    this.sink = sink;
    this.spool = spool;
    this.drops = drops;
    this.sender = Threads.start(threadName, this::run);
  }

  @Override public String name() { return sink.driver(); }

  @Override
  public void log(LogMessage m) throws IOException {
    try {
      queue.put(m);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while queueing a log message", e);
    }
  }

  /** Whether the sink is currently considered down (messages go to the spool). */
  public boolean sinkDown() {
    return downSince >= 0;
  }

  private void run() {
    List<LogMessage> batch = new ArrayList<>(BATCH);
    while (true) {
      batch.clear();
      try {
        LogMessage first = queue.poll(spool.isEmpty() ? 200 : 20, TimeUnit.MILLISECONDS);
        if (first != null) {
          if (first != FLUSH) batch.add(first);
          queue.drainTo(batch, BATCH - batch.size());
          batch.removeIf(m -> m == FLUSH);
        }
      } catch (InterruptedException e) {
        return;
      }
      try {
        if (!batch.isEmpty()) deliverOrSpool(batch);
        if (!spool.isEmpty()) replaySpool();
      } catch (IOException e) {
        LOG.warn("{} spool failed: {}", sink.driver(), e.getMessage());
        drops.dropped(batch.size(), "spool-error");
      }
      if (closing && queue.isEmpty() && (spool.isEmpty() || sinkDown())) return;
    }
  }

  private void deliverOrSpool(List<LogMessage> batch) throws IOException {
    if (spool.isEmpty() && !sinkDown()) {
      try {
        sink.send(batch);
        return;
      } catch (IOException e) {
        markDown(e);
      }
    }
    int dropped = spool.append(batch);
    if (dropped > 0) drops.dropped(dropped, "spool-full");
  }

  private void replaySpool() throws IOException {
    if (System.currentTimeMillis() < nextAttempt) return;
    // Send a few batches, then return so newly queued messages join the spool behind them (order kept).
    for (int i = 0; i < 10 && !spool.isEmpty(); i++) {
      List<LogMessage> batch = spool.peek(BATCH);
      try {
        sink.send(batch);
      } catch (IOException e) {
        markDown(e);
        return;
      }
      spool.commit(batch.size());
    }
    if (spool.isEmpty() && sinkDown()) {
      long down = System.currentTimeMillis() - downSince;
      downSince = -1;
      backoff = 100;
      LOG.info("{} sink recovered after {} ms", sink.driver(), down);
      drops.recovered(sink.driver(), down);
    }
  }

  private void markDown(IOException e) {
    sink.reset();
    if (downSince < 0) {
      downSince = System.currentTimeMillis();
      LOG.warn("{} sink unavailable, spooling to disk: {}", sink.driver(), e.getMessage());
    }
    nextAttempt = System.currentTimeMillis() + backoff;
    backoff = Math.min(backoff * 2, 2000);
  }

  @Override
  public void close() throws IOException {
    closing = true;
    queue.offer(FLUSH);
    try {
      sender.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.interrupt();
    if (!spool.isEmpty()) {
      drops.dropped(spool.count() + queue.size(), "sink-unavailable");
    }
    sink.close();
    spool.close();
  }
}
