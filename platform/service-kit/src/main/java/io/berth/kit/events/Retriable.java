package io.berth.kit.events;

/**
 * Marks a failure as transient (a dependency is briefly unavailable): an event handler failing with it is
 * retried with backoff instead of being dead-lettered at once. Kafka's own
 * {@link org.apache.kafka.common.errors.RetriableException} counts as retriable too.
 */
public interface Retriable {
}
