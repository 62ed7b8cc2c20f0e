package io.berth.kit.events;

import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.SharedKafka;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventTracingTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
    otel.close();
  }

  @Test
  void consumerSpanIsChildOfProducerSpanInTheCallersTrace() throws Exception {
    KafkaSettings settings = SharedKafka.settings(1);
    String topic = "berth.trace" + System.nanoTime() + ".events";
    try (TopicAdmin admin = new TopicAdmin(vertx, settings);
         RecordProducer producer = new RecordProducer(vertx, settings, "trace")) {
      admin.ensure(List.of(TopicDefinition.events(topic))).await(30, TimeUnit.SECONDS);
      EventBus bus = new KafkaEventBus(vertx, settings, producer, e -> topic, otel, RetryPolicy.DEFAULT);
      CompletableFuture<SpanContext> inHandler = new CompletableFuture<>();
      bus.subscribe(topic, "tracing", event -> {
        inHandler.complete(Span.current().getSpanContext());
        return Future.succeededFuture();
      }).await(30, TimeUnit.SECONDS);

      CloudEvent event = TestEvents.event("net-1", "{}");
      Span request = otel.getTracer("test").spanBuilder("POST /networks/create").startSpan();
      try (Scope ignored = request.makeCurrent()) {
        bus.publish(event).await(30, TimeUnit.SECONDS);
      } finally {
        request.end();
      }
      SpanContext current = inHandler.get(30, TimeUnit.SECONDS);
      bus.close().await(30, TimeUnit.SECONDS);

      SpanData publish = only(SpanKind.PRODUCER);
      SpanData process = only(SpanKind.CONSUMER);
      assertEquals(topic + " publish", publish.getName());
      assertEquals(topic + " process", process.getName());
      assertEquals(request.getSpanContext().getSpanId(), publish.getParentSpanId(), "publish is part of the request");
      assertEquals(publish.getSpanId(), process.getParentSpanId(), "process is a child of publish");
      assertEquals(request.getSpanContext().getTraceId(), process.getTraceId());
      assertEquals(process.getSpanId(), current.getSpanId(), "the process span is current in the handler");
      assertEquals("kafka", process.getAttributes().get(EventTracing.SYSTEM));
      assertEquals(topic, process.getAttributes().get(EventTracing.DESTINATION));
      assertEquals(event.getId(), process.getAttributes().get(EventTracing.MESSAGE_ID));
      assertEquals(event.getType(), publish.getAttributes().get(EventTracing.EVENT_TYPE));
    }
  }

  @Test
  void httpRequestPublishAndConsumeFormOneTrace() throws Exception {
    Vertx traced = Vertx.builder()
        .withTracer(new io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory(otel))
        .build();
    KafkaSettings settings = SharedKafka.settings(1);
    String topic = "berth.tracehttp" + System.nanoTime() + ".events";
    try (TopicAdmin admin = new TopicAdmin(traced, settings);
         RecordProducer producer = new RecordProducer(traced, settings, "trace-http")) {
      admin.ensure(List.of(TopicDefinition.events(topic))).await(30, TimeUnit.SECONDS);
      EventBus bus = new KafkaEventBus(traced, settings, producer, e -> topic, otel, RetryPolicy.DEFAULT);
      CompletableFuture<Void> consumed = new CompletableFuture<>();
      bus.subscribe(topic, "tracing-http", event -> {
        consumed.complete(null);
        return Future.succeededFuture();
      }).await(30, TimeUnit.SECONDS);
      io.vertx.core.http.HttpServer server = traced.createHttpServer()
          .requestHandler(request -> bus.publish(TestEvents.event("net-2", "{}"))
              .onComplete(sent -> request.response().setStatusCode(sent.succeeded() ? 201 : 500).end()))
          .listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS);

      io.vertx.core.http.HttpClient client = traced.createHttpClient(); // held: an unreachable client closes itself
      int status = client
          .request(io.vertx.core.http.HttpMethod.POST, server.actualPort(), "127.0.0.1", "/networks/create")
          .compose(request -> request.send())
          .map(io.vertx.core.http.HttpClientResponse::statusCode)
          .await(30, TimeUnit.SECONDS);
      consumed.get(30, TimeUnit.SECONDS);
      bus.close().await(30, TimeUnit.SECONDS);
      client.close().await(30, TimeUnit.SECONDS);

      assertEquals(201, status);
      SpanData serverSpan = only(SpanKind.SERVER);
      SpanData publish = only(SpanKind.PRODUCER);
      SpanData process = only(SpanKind.CONSUMER);
      assertEquals(serverSpan.getSpanId(), publish.getParentSpanId(), "publish is a child of the HTTP request");
      assertEquals(publish.getSpanId(), process.getParentSpanId());
      assertEquals(serverSpan.getTraceId(), process.getTraceId());
    } finally {
      traced.close().await();
    }
  }

  private SpanData only(SpanKind kind) {
    List<SpanData> found = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
    assertEquals(1, found.size(), kind + " spans: " + found);
    return found.get(0);
  }
}
