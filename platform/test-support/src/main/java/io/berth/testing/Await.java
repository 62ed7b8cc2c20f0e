package io.berth.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Waiting for something a test cannot be told about, in one place: poll a condition with a short backoff (10 ms,
 * growing to 200 ms) until it holds, or fail with an {@link AssertionError} that names what was awaited, the timeout
 * and the last value seen. A wait never falls through silently.
 *
 * <pre>{@code
 * Await.until("the FIFO exists", Duration.ofSeconds(10), () -> Files.exists(fifo));
 * List<String> lines = Await.until("200 lines in the log", Duration.ofSeconds(10),
 *     () -> Files.readAllLines(log), l -> l.size() >= 200);
 * Attached a = Await.value("the attached event", Duration.ofSeconds(10), () -> find(events));
 * Await.stays("the sender stays blocked", Duration.ofSeconds(1), () -> !driver.sinkDown());
 * }</pre>
 *
 * A probe that throws an {@link Exception} counts as "not yet" (a server not listening yet, a file half written);
 * the last exception is the failure's cause. An {@link Error} (a failed assertion inside the probe) ends the wait.
 */
public final class Await {
  static final long FIRST_PAUSE_MILLIS = 10;
  static final long MAX_PAUSE_MILLIS = 200;

  private Await() {}

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
  }

  /** Waits until {@code probe} returns a value that is not null, and returns it. */
  public static <T> T value(String what, Duration timeout, Callable<T> probe) {
    return until(what, timeout, probe, v -> v != null);
  }

  /** Waits until a value of {@code probe} satisfies {@code done}, and returns that value. */
  public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    T last = null;
    Exception lastError = null;
    while (true) {
      try {
        last = probe.call();
        lastError = null;
        if (done.test(last)) return last;
      } catch (Exception e) {
        lastError = e;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        String seen = lastError != null ? " (the probe threw " + lastError + ")"
            : last instanceof Boolean ? "" : " (last value: " + last + ")";
        AssertionError failure = new AssertionError(what + ": not within " + seconds(timeout) + seen);
        if (lastError != null) failure.initCause(lastError);
        throw failure;
      }
      sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
      pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
    }
  }

  /**
   * Checks that {@code condition} holds throughout {@code window}, failing as soon as it does not: for what must not
   * happen (a replayed event counted twice, a write that must stay blocked). Prefer awaiting a positive sign first
   * (the replay was consumed, the write started), so the window does not pass merely because nothing ran yet.
   */
  public static void stays(String what, Duration window, BooleanSupplier condition) {
    long deadline = System.nanoTime() + window.toNanos();
    while (true) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError(what + ": stopped holding within " + seconds(window));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) return;
      sleep(Math.min(MAX_PAUSE_MILLIS / 4, Math.max(1, left / 1_000_000)));
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
