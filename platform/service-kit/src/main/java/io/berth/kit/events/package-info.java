/**
 * berth's events on Kafka: {@link io.berth.kit.events.EventBus} publishes CloudEvents in binary mode
 * ({@code ce_*} headers, JSON data, key = the {@code partitionkey} extension) and consumes them at least
 * once, committing after the handler's future succeeded.
 *
 * <p>Failure handling: a handler failing transiently ({@link io.berth.kit.events.Retriable#isRetriable}: berth's
 * {@code Retriable} errors, Kafka's retriable errors, Hazelcast's timeouts, moved partitions and departed members,
 * a handler timeout, also wrapped) is retried with the {@link io.berth.kit.events.RetryPolicy}'s backoff; any
 * other failure, or retries exhausted, moves the record to {@code berth.deadletter} with {@code berth_error},
 * {@code berth_error_type} and {@code berth_origin_*} headers next to the original ones, and the partition moves
 * on. A transient failure while the subscription closes is left uncommitted, so it comes again after the restart.
 *
 * <p>Idempotency: each subscription skips an event (source + id) it handled recently, but that memory is
 * per process and bounded; after a restart or a rebalance an event may reach a handler again, so handlers
 * must check state too ("already attached" is success).
 *
 * <p>Tracing: a PRODUCER span {@code "<topic> publish"} (child of the caller's span) and a CONSUMER span
 * {@code "<topic> process"} (child of the producer span through {@code traceparent} in the record), current
 * while the handler runs.
 */
package io.berth.kit.events;
