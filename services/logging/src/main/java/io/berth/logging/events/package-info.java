/**
 * Kafka events: {@code ContainerEventsConsumer} routes container lifecycle to the controller;
 * {@code LoggingEventsPublisher} publishes logging's facts ({@code logging.container.attached},
 * {@code logging.config.rejected}, {@code logging.lines.dropped}, {@code logging.sink.recovered});
 * {@code DropReporter} counts lost lines and reports them at most once a second.
 */
package io.berth.logging.events;
