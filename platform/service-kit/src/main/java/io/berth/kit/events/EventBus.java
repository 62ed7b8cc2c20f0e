package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/**
 * Publishes and consumes berth's CloudEvents on Kafka (binary mode: {@code ce_*} headers, JSON data).
 * One per service instance. Keys are the event's {@code partitionkey} extension (the entity id), so one
 * entity's events stay ordered.
 */
public interface EventBus {

  /** The topic where events that could not be handled end up, with the error in headers. */
  String DEADLETTER_TOPIC = "berth.deadletter";

  /** Publishes to the topic chosen by the bus's {@link TopicResolver}; completes when Kafka acknowledged it. */
  Future<Void> publish(CloudEvent event);

  /** Publishes to the given topic; completes when all in-sync replicas have the record. */
  Future<Void> publish(String topic, CloudEvent event);

  /**
   * Consumes {@code topic} as member of {@code group}, at least once: each event's offset is committed
   * after the handler's future succeeds; retriable failures are retried with backoff; other failures, or
   * retries exhausted, send the record to {@link #DEADLETTER_TOPIC} and processing continues, so a poison
   * event never blocks its partition. Events of one partition are handled one after the other, on the
   * Vert.x context that called {@code subscribe} (a verticle's, when called from one).
   *
   * <p>The future completes once the consumer has joined the group and received its partitions.
   */
  Future<Subscription> subscribe(String topic, String group, EventHandler handler);

  /** Closes every subscription and the producer. */
  Future<Void> close();
}
