package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** mode=non-blocking: a stuck driver never holds the writer; what does not fit the buffer is dropped and counted. */
class NonBlockingDriverTest {
  @Test
  void dropsAreCountedAndTheRestArrivesInOrder() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> got = new CopyOnWriteArrayList<>();
    LogDriver stuck = new LogDriver() {
      @Override public String name() { return "stuck"; }
      @Override public void log(LogMessage m) throws java.io.IOException {
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new java.io.IOException(e);
        }
        got.add(m.text());
      }
      @Override public void close() { }
    };
    AtomicLong dropped = new AtomicLong();
    DropListener drops = new DropListener() {
      @Override public void dropped(long count, String reason) {
        assertEquals("buffer-full", reason);
        dropped.addAndGet(count);
      }
      @Override public void recovered(String driver, long downMillis) { }
    };
    NonBlockingDriver d = new NonBlockingDriver(stuck, 1000, drops, "nb-test");
    long t0 = System.nanoTime();
    for (int i = 0; i < 1000; i++) d.log(LogMessage.of(LogStream.STDOUT, String.format("%08d", i), i));
    assertTrue((System.nanoTime() - t0) < 2_000_000_000L, "the writer was not held");
    release.countDown();
    d.close();
    assertEquals(1000, got.size() + dropped.get(), "every line delivered or counted");
    assertTrue(dropped.get() > 800, "most were dropped: " + dropped.get());
    for (int i = 1; i < got.size(); i++) assertTrue(got.get(i - 1).compareTo(got.get(i)) < 0, "order kept");
  }
}
