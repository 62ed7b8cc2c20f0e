package io.berth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.node.BerthNode;
import io.berth.kit.node.ServiceEndpoints;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.berth.testing.lab.LabNetns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One all-in-one node in this JVM with an in-memory span exporter: a request through the gateway is one trace that
 * holds the gateway's span and the owning service's span; every service answers health, readiness and metrics.
 */
@Tag("host")
class NodeTracingTest {
  @RegisterExtension static LabNetns LAB = LabNetns.perClass();
  @TempDir static Path dir;
  static InMemorySpanExporter spans = InMemorySpanExporter.create();
  static BerthNode node;
  static int apiPort = Ports.free();
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    node = BerthNode.start(TestNodes.config(dir, apiPort), "node", TestNodes.services(LAB.netns()), true, otel);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.stop();
    io.berth.testing.node.NodeProcess.unmountBelow(dir);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestThroughTheGatewayIsOneTraceWithTheServiceSpan() throws Exception {
    spans.reset();
    HttpResponse<String> r = get("http://127.0.0.1:" + apiPort + "/v1.51/volumes/no-such-volume");
    assertEquals(404, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    // the gateway's server span may end a moment after the client has its reply: wait for both by path
    SpanData gateway = awaitServerSpan("/v1.51/volumes/no-such-volume");
    SpanData service = awaitServerSpan("/volumes/no-such-volume");
    assertEquals(gateway.getTraceId(), service.getTraceId(), "one trace from gateway to service");
    SpanData client = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(gateway.getTraceId()))
        .findFirst().orElseThrow();
    assertEquals(gateway.getSpanId(), client.getParentSpanId());
    assertEquals(client.getSpanId(), service.getParentSpanId());
  }

  @Test
  void everyServiceServesHealthReadinessAndMetrics() throws Exception {
    ServiceEndpoints endpoints = new ServiceEndpoints(node.context().hazelcast());
    for (String service : List.of("volume", "network", "dns", "logging", "ingress", "gateway")) {
      String base = "http://" + endpoints.lookup(node.context().node(), service).orElseThrow() ;
      HttpResponse<String> health = get(base + "/health");
      assertEquals(200, health.statusCode(), service);
      assertEquals(service, new JsonObject(health.body()).getString("service"));
      HttpResponse<String> ready = get(base + "/ready");
      assertEquals(200, ready.statusCode(), service + ": " + ready.body());
      JsonObject checks = new JsonObject(ready.body()).getJsonObject("checks");
      assertEquals("ok", checks.getString("kafka"));
      assertEquals("ok", checks.getString("hazelcast"));
      HttpResponse<String> metrics = get(base + "/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("vertx_http_server"), service + " metrics: " + metrics.body().lines().limit(5).toList());
    }
  }

  @Test
  void logLevelChangesAtRunTime() throws Exception {
    HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/berth/log-level?level=debug"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("debug", new JsonObject(r.body()).getString("level"));
    HttpRequest bad = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/berth/log-level?level=loud"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build();
    assertEquals(400, http.send(bad, HttpResponse.BodyHandlers.ofString()).statusCode());
    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/berth/log-level?level=info"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
  }

  private static String path(SpanData s) {
    String p = s.getAttributes().asMap().entrySet().stream()
        .filter(e -> e.getKey().getKey().equals("url.path")).map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
    return p;
  }

  private static SpanData awaitServerSpan(String path) {
    try {
      return Await.value("a server span for " + path, Duration.ofSeconds(5), () -> spans.getFinishedSpanItems()
          .stream().filter(s -> s.getKind() == SpanKind.SERVER && path.equals(path(s))).findFirst().orElse(null));
    } catch (AssertionError e) {
      Set<String> seen = spans.getFinishedSpanItems().stream()
          .map(s -> s.getKind() + " " + s.getName() + " " + path(s)).collect(Collectors.toSet());
      throw new AssertionError(e.getMessage() + ", saw " + seen, e);
    }
  }
}
