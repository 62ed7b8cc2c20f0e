package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Producer and consumer spans for events, with the trace context ({@code traceparent}) carried in the
 * Kafka record headers so that a consumer span is a child of the span that published the event.
 */
final class EventTracing {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

  private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  };

  private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    @SuppressWarnings("deprecation") // still abstract in the interface; the W3C propagator does not call it
    public Iterable<String> keys(Headers headers) {
      List<String> keys = new ArrayList<>();
      for (Header h : headers) {
        keys.add(h.key());
      }
      return keys;
    }

    @Override
    public String get(Headers headers, String key) {
      Header h = headers == null ? null : headers.lastHeader(key);
      return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  EventTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.berth.kit.events");
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  /** A PRODUCER span, child of the caller's current span if any. */
  Span startPublish(String topic, CloudEvent event) {
    return tracer.spanBuilder(topic + " publish")
        .setSpanKind(SpanKind.PRODUCER)
        .setParent(Context.current())
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION, "publish")
        .setAttribute(MESSAGE_ID, event.getId())
        .setAttribute(EVENT_TYPE, event.getType())
        .startSpan();
  }

  /** Writes the trace context of {@code span} into the record's headers. */
  void inject(Span span, Headers headers) {
    propagator.inject(Context.current().with(span), headers, SETTER);
  }

  /** A CONSUMER span whose parent is the producer span found in the record's headers. */
  Span startProcess(String topic, String group, Headers headers, CloudEvent event) {
    Context parent = propagator.extract(Context.root(), headers, GETTER);
    return tracer.spanBuilder(topic + " process")
        .setSpanKind(SpanKind.CONSUMER)
        .setParent(parent)
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(DESTINATION, topic)
        .setAttribute(OPERATION, "process")
        .setAttribute(GROUP, group)
        .setAttribute(MESSAGE_ID, event.getId())
        .setAttribute(EVENT_TYPE, event.getType())
        .startSpan();
  }

  static void end(Span span, Throwable error) {
    if (error != null) {
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }
    span.end();
  }
}
