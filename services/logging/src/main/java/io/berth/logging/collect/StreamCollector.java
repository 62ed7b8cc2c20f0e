package io.berth.logging.collect;

import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.Threads;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a container — a FIFO (reopened after its writer closes, for restarts) or a regular file
 * (followed as it grows) — on its own thread, hands the bytes to a {@link LineSplitter} and flushes the driver after
 * every read, so lines are batched exactly as they arrive. Stops when told and the source is drained.
 */
public final class StreamCollector {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCollector.class);
  private static final int READ = 256 * 1024;

  private final Path source;
  private final LogDriver driver;
  private final LineSplitter splitter;
  private final Thread thread;
  private volatile boolean stopping;

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
   * Finishes: the source's writers are gone (the container stopped); read what is left and end. A collector blocked
   * in opening a FIFO is released by opening its write side once.
   */
  public void stop(long timeoutMillis) {
    stopping = true;
    if (!thread.isAlive()) return;
    try {
      if (!Files.isRegularFile(source)) {
        Thread poke = Threads.start(thread.getName() + "-release", () -> {
          try (FileOutputStream ignored = new FileOutputStream(source.toFile())) {
            // opening and closing the write side gives the reader EOF
          } catch (IOException e) {
            // the reader is gone already
          }
        });
        thread.join(timeoutMillis);
        poke.interrupt();
      } else {
        thread.join(timeoutMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean alive() {
    return thread.isAlive();
  }
}
