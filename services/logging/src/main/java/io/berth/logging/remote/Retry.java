package io.berth.logging.remote;

/**
 * How a {@link SpoolingDriver} retries a batch the sink refused: waits {@code firstMillis}, growing by {@code factor}
 * per failed attempt up to {@code maxMillis}; after {@code maxAttempts} failed attempts in a row the batch is given up
 * and counted ({@code retries-exhausted}). {@link Integer#MAX_VALUE} attempts means never give up.
 */
public record Retry(long firstMillis, double factor, long maxMillis, int maxAttempts) {
  /** berth's default for remote sinks: 100 ms doubling to 2 s, never give up. */
  public static final Retry DEFAULT = new Retry(100, 2, 2000, Integer.MAX_VALUE);

  public Retry {
    if (firstMillis < 0 || maxMillis < firstMillis || factor < 1 || maxAttempts < 0) {
      throw new IllegalArgumentException("bad retry policy");
    }
  }

  /** The wait after the {@code attempt}-th failure in a row (1-based). */
  public long waitAfter(int attempt) {
    double w = firstMillis * Math.pow(factor, Math.max(0, attempt - 1));
    return (long) Math.min(w, maxMillis);
  }

  public boolean exhausted(int failedAttempts) {
    return maxAttempts != Integer.MAX_VALUE && failedAttempts >= Math.max(1, maxAttempts);
  }
}
