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

  @Test
  void closingDrainsTheBufferForABoundedTimeAndCountsWhatTheDriverDidNotTake() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    List<String> got = new CopyOnWriteArrayList<>();
    LogDriver slow = new LogDriver() {
      @Override public String name() { return "slow"; }
      @Override public void log(LogMessage m) throws java.io.IOException {
        if (got.size() == 9) {
          try {
            never.await(); // the sink hangs on the tenth line
          } catch (InterruptedException e) {
            throw new java.io.IOException(e);
          }
        }
        got.add(m.text());
      }
      @Override public void close() { }
    };
    java.util.Map<String, Long> dropped = new java.util.concurrent.ConcurrentHashMap<>();
    DropListener drops = new DropListener() {
      @Override public void dropped(long count, String reason) { dropped.merge(reason, count, Long::sum); }
      @Override public void recovered(String driver, long downMillis) { }
    };
    NonBlockingDriver d = new NonBlockingDriver(slow, 1 << 20, drops, "nb-drain", 300);
    for (int i = 0; i < 100; i++) d.log(LogMessage.of(LogStream.STDOUT, "line " + i, i));
    long t0 = System.nanoTime();
    d.close();
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(tookMs < 3_000, "close is bounded: " + tookMs + " ms");
    assertEquals(9, got.size());
    assertEquals(java.util.Map.of("stop-timeout", 90L, "driver-error", 1L), dropped,
        "the 90 it never took and the one it hung on are counted");

    // a driver that keeps up gets everything before close returns
    List<String> all = new CopyOnWriteArrayList<>();
    LogDriver quick = new LogDriver() {
      @Override public String name() { return "quick"; }
      @Override public void log(LogMessage m) { all.add(m.text()); }
      @Override public void close() { }
    };
    NonBlockingDriver q = new NonBlockingDriver(quick, 1 << 24, DropListener.NONE, "nb-quick");
    for (int i = 0; i < 50_000; i++) q.log(LogMessage.of(LogStream.STDOUT, "l" + i, i));
    q.close();
    assertEquals(50_000, all.size());
  }
}
