package io.berth.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostOpsTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .build();
  private final Vertx vertx = Vertx.vertx();
  private final HostOps hostOps = new HostOps(vertx, otel);

  @AfterEach
  void stop() {
    vertx.close().await();
    otel.close();
  }

  /** Runs {@code start} on an event loop, as a service's handler does, and waits for the future it gives. */
  private <T> Future<T> onEventLoop(java.util.function.Supplier<Future<T>> start) throws Exception {
    CompletableFuture<Future<T>> done = new CompletableFuture<>();
    Context ctx = vertx.getOrCreateContext();
    ctx.runOnContext(x -> start.get().onComplete(r -> done.complete(r.succeeded()
        ? Future.succeededFuture(r.result()) : Future.failedFuture(r.cause()))));
    return done.get(10, TimeUnit.SECONDS);
  }

  private SpanData only() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertEquals(1, finished.size(), finished.toString());
    return finished.get(0);
  }

  @Test
  void voidWorkRunsOnAWorkerInItsOwnSpan() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    AtomicReference<String> spanInWork = new AtomicReference<>();
    Future<Void> done = onEventLoop(() -> hostOps.run("bridge delete br-1", () -> {
      ranOn.set(Thread.currentThread());
      spanInWork.set(Span.current().getSpanContext().getSpanId());
    }));
    assertTrue(done.succeeded());
    assertNull(done.result());
    assertTrue(ranOn.get().getName().contains("worker"), "host work never blocks an event loop: " + ranOn.get());
    SpanData span = only();
    assertEquals("bridge delete br-1", span.getName());
    assertEquals("bridge delete br-1", span.getAttributes().get(AttributeKey.stringKey("berth.host.operation")));
    assertEquals(span.getSpanId(), spanInWork.get(), "the work runs inside its span");
  }

  @Test
  void voidWorkIsAChildOfTheCallersSpan() throws Exception {
    Span parent = otel.getTracer("test").spanBuilder("request").startSpan();
    CompletableFuture<Future<Void>> done = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(x -> {
      try (Scope ignored = parent.makeCurrent()) {
        hostOps.run("nft apply", () -> { }).onComplete(r -> done.complete(Future.succeededFuture()));
      }
    });
    done.get(10, TimeUnit.SECONDS);
    parent.end();
    SpanData span = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("nft apply")).findFirst()
        .orElseThrow();
    assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
    assertEquals(parent.getSpanContext().getTraceId(), span.getTraceId());
  }

  @Test
  void aFailureFailsTheFutureAndMarksTheSpan() throws Exception {
    IOException busy = new IOException("EBUSY");
    Future<Void> done = onEventLoop(() -> hostOps.run("volume unmount v1", () -> {
      throw busy;
    }));
    assertEquals(busy, done.cause());
    SpanData span = only();
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("EBUSY", span.getStatus().getDescription());
    assertEquals(1, span.getEvents().size(), "the exception is recorded");
  }

  @Test
  void aLambdaThatReturnsAValueStillGetsIt() throws Exception {
    Future<Path> created = onEventLoop(() -> hostOps.run("sandbox create c1", () -> Path.of("/run/berth/netns/c1")));
    assertEquals(Path.of("/run/berth/netns/c1"), created.result());
    assertEquals("sandbox create c1", only().getName());
  }
}
