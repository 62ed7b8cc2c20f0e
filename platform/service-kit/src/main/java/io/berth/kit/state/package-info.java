/**
 * Durable cluster state: a {@link io.berth.kit.state.StateStore} keeps one resource kind of its owner;
 * {@link io.berth.kit.state.KafkaStateStore} keeps it in a Hazelcast map and, first, in a compacted Kafka topic, so a
 * cold cluster rebuilds its maps from Kafka.
 */
package io.berth.kit.state;
