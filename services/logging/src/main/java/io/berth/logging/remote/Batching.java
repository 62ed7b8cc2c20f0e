package io.berth.logging.remote;

/**
 * How a {@link SpoolingDriver}'s sender groups messages: at most {@code maxMessages} per send, and a batch that is
 * not full waits up to {@code lingerMillis} for more (0: send what there is at once). A closing driver sends at once.
 */
public record Batching(int maxMessages, long lingerMillis) {
  /** Send as soon as there is something, up to 1000 messages at a time. */
  public static final Batching IMMEDIATE = new Batching(1000, 0);

  public Batching {
    if (maxMessages < 1) throw new IllegalArgumentException("maxMessages must be at least 1");
    if (lingerMillis < 0) throw new IllegalArgumentException("lingerMillis must not be negative");
  }
}
