package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/**
 * Handles one event of a subscription. The offset is committed only after the returned future succeeds.
 *
 * <p>Fail with an exception implementing {@link Retriable} for a transient problem (the event is retried
 * with backoff); any other failure sends the event to {@code berth.deadletter}. Handlers must be
 * idempotent with respect to state: the bus skips an event id it has already handled, but only within
 * this process and a bounded window, so a redelivery after a restart or a rebalance reaches the handler.
 */
@FunctionalInterface
public interface EventHandler {
  Future<Void> handle(CloudEvent event);
}
