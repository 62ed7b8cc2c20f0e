package io.berth.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * OpenTelemetry for a berth process, configured by the standard {@code OTEL_*} environment (autoconfigure). Without any
 * exporter configured the SDK still creates spans, so trace ids flow through Kafka, but nothing is exported.
 */
public final class Tracing {
  private Tracing() {}

  /**
   * Builds the SDK from {@code OTEL_*} variables and system properties. Exporters default to {@code none}; set
   * {@code OTEL_TRACES_EXPORTER=otlp} and {@code OTEL_EXPORTER_OTLP_ENDPOINT} to send traces to a collector (Tempo).
   */
  public static OpenTelemetry fromEnvironment(String serviceName) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of(
            "otel.service.name", serviceName,
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none"))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }
}
