package io.berth.logging.remote;

/**
 * A remote driver's delivery policy on top of its disk spool.
 *
 * @param batching     batch size and how long a short batch waits
 * @param retry        waits between attempts and when to give a batch up
 * @param messageLimit most messages the spool may hold; past it new messages are dropped and counted
 *                     ({@code buffer-full}) — Docker's fluentd {@code fluentd-buffer-limit} in async mode;
 *                     {@link Long#MAX_VALUE} leaves only the byte bound ({@code spool-max-size})
 */
public record SendPolicy(Batching batching, Retry retry, long messageLimit) {
  public static final SendPolicy DEFAULT = new SendPolicy(Batching.IMMEDIATE, Retry.DEFAULT, Long.MAX_VALUE);

  public SendPolicy withBatching(Batching b) {
    return new SendPolicy(b, retry, messageLimit);
  }
}
