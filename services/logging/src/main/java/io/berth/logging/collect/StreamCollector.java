package io.berth.logging.collect;

import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.Threads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a container — a FIFO (reopened after its writer closes, for restarts) or a regular file
 * (followed as it grows) — on its own thread, hands the bytes to a {@link LineSplitter} and flushes the driver after
 * every read, so lines are batched exactly as they arrive. Stops when told and the source is drained.
 *
 * <p>Stopping never loses what was read: {@link #release} closes the channel from another thread, which ends a
 * blocked {@code read(2)} without consuming anything (bytes still in the pipe stay there for the next reader), while a
 * read that already returned data completes normally and its lines reach the driver before the thread ends. An
 * interrupt would not do: it can discard the bytes of a read that completed just as it arrived.
 */
public final class StreamCollector {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCollector.class);
  private static final int READ = 256 * 1024;

  private final Path source;
  private final LogDriver driver;
  private final LineSplitter splitter;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile FileChannel current;
  private volatile boolean released;

  public StreamCollector(String containerShortId, LogStream stream, Path source, LogDriver driver) {
    this.source = source;
    this.driver = driver;
    this.splitter = new LineSplitter(stream, driver);
    this.thread = Threads.start("logs-" + containerShortId + "-" + stream.wire(), this::run);
  }

  public Path source() { return source; }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocate(READ);
    try {
      boolean fifo = isFifo();
      long filePos = 0;
      while (!stopping || !fifo) {
        try (FileChannel ch = FileChannel.open(source)) {
          current = ch;
          if (released) return;
          if (!fifo) ch.position(filePos);
          while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0 || (n == 0 && !fifo)) {
              if (fifo) break;
              filePos = ch.position();
              if (stopping) return;
              Thread.sleep(50);
              continue;
            }
            splitter.accept(buf.array(), 0, n, Rfc3339.nowNanos());
            driver.flush();
          }
        }
        splitter.finish();
        driver.flush();
      }
    } catch (ClosedChannelException e) {
      if (!released) LOG.warn("reading {} ended: {}", source, e.toString());
    } catch (NoSuchFileException e) {
      LOG.warn("log source {} is gone", source);
    } catch (IOException e) {
      LOG.warn("reading {} failed: {}", source, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        splitter.finish();
        driver.flush();
      } catch (IOException e) {
        LOG.warn("flushing the log of {} failed: {}", source, e.getMessage());
      }
    }
  }

  private boolean isFifo() throws IOException {
    return !Files.isRegularFile(source);
  }

  /**
   * The container stopped: its writers are gone, so read what is left and end. A collector blocked in opening a FIFO
   * is woken by opening it once read-write, which Linux never blocks on (a write-only open would wait for a reader
   * forever once the collector is gone). Returns at once; see {@link #awaitStop}.
   */
  public void beginStop() {
    stopping = true;
    if (!thread.isAlive() || Files.isRegularFile(source)) return;
    try (FileChannel ignored = FileChannel.open(source, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      // a writer came and went: the reader's open returns, and its read sees EOF when no other writer is left
    } catch (IOException e) {
      // the FIFO is gone: nothing to wake
    }
  }

  /** Waits until the collector ended or {@code deadline} ({@link System#nanoTime()}) passed; true when it ended. */
  public boolean awaitStop(long deadline) {
    try {
      long left = deadline - System.nanoTime();
      if (left > 0) thread.join(Math.max(1, left / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  /**
   * Stops reading now, although writers may still hold the source (berth stops while the container runs, or a
   * stopped container left a process holding its stdout): what was read reaches the driver, the rest stays in the
   * pipe. Waits up to a second for the thread to hand over its last read.
   */
  public void release() {
    stopping = true;
    released = true;
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (thread.isAlive() && System.nanoTime() < deadline) {
      FileChannel ch = current;
      try {
        if (ch != null) ch.close();
      } catch (IOException e) {
        // closing is all we want
      }
      if (ch == null) beginStop();
      awaitStop(Math.min(deadline, System.nanoTime() + 50_000_000L));
    }
  }

  /** {@link #beginStop}, then {@link #release} when the source did not end within {@code timeoutMillis}. */
  public void stop(long timeoutMillis) {
    beginStop();
    if (!awaitStop(System.nanoTime() + timeoutMillis * 1_000_000L)) release();
  }

  public boolean alive() {
    return thread.isAlive();
  }
}
