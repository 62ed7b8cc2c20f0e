package io.berth.kit.events;

import java.time.Duration;

/**
 * How often and how patiently a retriable handler failure is retried before the event is dead-lettered,
 * and how long one handler call may take.
 *
 * @param maxAttempts    calls of the handler in total, the first included
 * @param initialBackoff wait before the second call; doubled after each failure
 * @param maxBackoff     ceiling of the wait
 * @param handlerTimeout a handler future not completed by then counts as a retriable failure, so a lost
 *                       future cannot stall its partition
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration handlerTimeout) {

  /** 5 attempts, 100 ms doubling to at most 2 s, 30 s per handler call. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The wait after the given failed attempt (1-based). */
  public long backoffMillis(int failedAttempt) {
    long delay = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
    return Math.max(1, Math.min(delay, maxBackoff.toMillis()));
  }

  /** Whether a failure is worth another attempt: {@link Retriable#isRetriable}. */
  static boolean isRetriable(Throwable failure) {
    return Retriable.isRetriable(failure);
  }
}
