/**
 * Tracing: the OpenTelemetry SDK from the {@code OTEL_*} environment ({@link io.berth.kit.tracing.Tracing}) and a span
 * for every host operation ({@link io.berth.kit.tracing.HostOps}). HTTP server and client spans come from
 * vertx-opentelemetry; Kafka producer and consumer spans from {@code io.berth.kit.events}.
 */
package io.berth.kit.tracing;
