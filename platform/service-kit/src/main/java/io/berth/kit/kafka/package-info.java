/**
 * Kafka plumbing shared by the event bus and the state stores: {@link io.berth.kit.kafka.KafkaSettings}
 * (client configuration: idempotent {@code acks=all} producers, manual-commit consumers),
 * {@link io.berth.kit.kafka.RecordProducer} (one producer per service, futures on the caller's context),
 * {@link io.berth.kit.kafka.TopicAdmin} (creates the catalog's topics at start),
 * {@link io.berth.kit.kafka.TopicReader} (reads a topic to its end without a group) and
 * {@link io.berth.kit.kafka.EmbeddedKafka} (the all-in-one node's in-process KRaft broker).
 *
 * <p>Plain kafka-clients only: vertx-kafka-client 5.0.7 calls methods that kafka-clients 4 removed
 * ({@code committed(TopicPartition)} hangs without a word), so nothing here goes through it.
 */
package io.berth.kit.kafka;
