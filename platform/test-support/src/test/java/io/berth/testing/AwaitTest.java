package io.berth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  static final Duration SHORT = Duration.ofMillis(300);

  @Test
  void returnsAsSoonAsTheConditionHolds() {
    AtomicInteger calls = new AtomicInteger();
    Await.until("the third call", Duration.ofSeconds(5), () -> calls.incrementAndGet() == 3);
    assertEquals(3, calls.get());
  }

  @Test
  void failsNamingWhatAndTheTimeoutWhenItNeverHolds() {
    long t0 = System.nanoTime();
    AssertionError e = assertThrows(AssertionError.class, () -> Await.until("the sky falls", SHORT, () -> false));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("the sky falls: not within 300 ms", e.getMessage());
    assertTrue(ms >= 300 && ms < 2_000, ms + " ms");
  }

  @Test
  void aValueIsReturnedOnceTheProbeGivesOne() {
    AtomicInteger calls = new AtomicInteger();
    String v = Await.value("a name", Duration.ofSeconds(5), () -> calls.incrementAndGet() < 3 ? null : "c1");
    assertEquals("c1", v);
  }

  @Test
  void theValueThatMatchesIsReturnedAndTheLastOneIsReportedOnTimeout() {
    AtomicInteger n = new AtomicInteger();
    assertEquals(4, Await.until("four", Duration.ofSeconds(5), n::incrementAndGet, v -> v >= 4));
    AssertionError e = assertThrows(AssertionError.class,
        () -> Await.until("two hundred lines", SHORT, () -> 7, v -> v >= 200));
    assertEquals("two hundred lines: not within 300 ms (last value: 7)", e.getMessage());
  }

  @Test
  void aThrowingProbeMeansNotYetAndItsLastExceptionIsTheCause() {
    AtomicInteger calls = new AtomicInteger();
    assertEquals("up", Await.value("the server", Duration.ofSeconds(5), () -> {
      if (calls.incrementAndGet() < 3) throw new IOException("connection refused");
      return "up";
    }));
    IOException refused = new IOException("connection refused");
    AssertionError e = assertThrows(AssertionError.class, () -> Await.value("the server", SHORT, () -> {
      throw refused;
    }));
    assertSame(refused, e.getCause());
    assertTrue(e.getMessage().startsWith("the server: not within 300 ms (the probe threw java.io.IOException"),
        e.getMessage());
  }

  @Test
  void aFailedAssertionInsideTheProbeEndsTheWaitAtOnce() {
    long t0 = System.nanoTime();
    AssertionError inner = new AssertionError("wrong status");
    AssertionError e = assertThrows(AssertionError.class, () -> Await.value("a reply", Duration.ofSeconds(30), () -> {
      throw inner;
    }));
    assertSame(inner, e);
    assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
  }

  @Test
  void staysPassesWhenTheConditionHoldsThroughoutAndFailsWhenItStops() {
    AtomicInteger checks = new AtomicInteger();
    long t0 = System.nanoTime();
    Await.stays("still blocked", SHORT, () -> checks.incrementAndGet() > 0);
    assertTrue(System.nanoTime() - t0 >= SHORT.toNanos());
    assertTrue(checks.get() > 2, "checked throughout, not once: " + checks.get());
    AtomicInteger n = new AtomicInteger();
    AssertionError e = assertThrows(AssertionError.class,
        () -> Await.stays("counted once", Duration.ofSeconds(30), () -> n.incrementAndGet() < 3));
    assertEquals("counted once: stopped holding within 30 s", e.getMessage());
  }

  @Test
  void anInterruptEndsTheWaitAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    AssertionError e = assertThrows(AssertionError.class, () -> Await.until("never", Duration.ofSeconds(30), () -> false));
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertTrue(Thread.interrupted());
  }
}
