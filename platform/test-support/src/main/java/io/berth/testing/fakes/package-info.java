/**
 * In-memory stand-ins for the node's state and event bus ({@link io.berth.testing.fakes.MemoryStateStore},
 * {@link io.berth.testing.fakes.MemoryEventBus}), so controllers and consumers are unit-tested without Kafka,
 * Hazelcast or root. End-to-end and host tests use the real ones.
 */
package io.berth.testing.fakes;
