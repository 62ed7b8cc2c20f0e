/**
 * Kafka: {@code ContainerEventsConsumer} (container lifecycle in) and {@code NetworkEventsPublisher} (network facts
 * out: {@code network.created}, {@code endpoint.joined}, {@code sandbox.ready}, {@code sandbox.failed}, ...).
 */
package io.berth.network.events;
