package io.berth.logging.it;

import io.berth.events.BerthEvents;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.kit.node.ServiceEndpoints;
import io.berth.logging.LoggingService;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A node running only the logging service (embedded Kafka and Hazelcast) inside the test JVM, with helpers. */
final class LoggingNode implements AutoCloseable {
  final BerthNode node;
  final Path dataRoot;
  final HttpClient http = HttpClient.newHttpClient();

  LoggingNode(Path dir, JsonObject extra) throws Exception {
    JsonObject cfg = new JsonObject()
        .put("data-root", dir.resolve("data").toString())
        .put("exec-root", dir.resolve("run").toString())
        .put("node-name", "n-" + UUID.randomUUID().toString().substring(0, 6))
        .put("hosts", new JsonArray().add("tcp://127.0.0.1:" + Ports.free()))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "t-" + UUID.randomUUID()));
    extra.forEach(e -> cfg.put(e.getKey(), e.getValue()));
    DaemonConfig config = DaemonConfig.of(cfg);
    this.dataRoot = config.dataRoot();
    this.node = BerthNode.start(config, "logging-test", List.of(new LoggingService()), true);
  }

  String name() {
    return node.context().node();
  }

  static String newId() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  Path containerDir(String id) {
    return dataRoot.resolve("containers").resolve(id);
  }

  void publish(String type, String key, JsonObject data) {
    node.context().events().publish(BerthEvents.create(type, "urn:test", key,
        data.encode().getBytes(StandardCharsets.UTF_8))).await();
  }

  void created(String id, String name, boolean tty, String driver, Map<String, String> opts, JsonObject stdio) {
    JsonObject data = new JsonObject().put("id", id).put("name", name).put("node", name()).put("image", "busybox:1.36")
        .put("createdAt", "2026-11-27T18:00:00Z").put("networkMode", "none").put("tty", tty)
        .put("labels", new JsonObject().put("com.example.tier", "front"))
        .put("env", new JsonArray().add("REGION=eu").add("PATH=/bin"))
        .put("logConfig", new JsonObject().put("type", driver).put("config", new JsonObject(Map.copyOf(opts))));
    if (stdio != null) data.put("stdio", stdio);
    publish("io.berth.container.created", id, data);
  }

  void stopped(String id) {
    publish("io.berth.container.stopped", id, new JsonObject().put("id", id).put("node", name()).put("exitCode", 0));
  }

  void removed(String id) {
    publish("io.berth.container.removed", id, new JsonObject().put("id", id).put("node", name())
        .put("removeVolumes", false));
  }

  String base() {
    return "http://" + new ServiceEndpoints(node.context().hazelcast()).lookup(name(), "logging").orElseThrow();
  }

  HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code path} exists (the service made the FIFO). */
  static void awaitPath(Path path) {
    Await.until(path + " exists", Duration.ofSeconds(10), () -> Files.exists(path));
  }

  /** A frame of the multiplexed stream: the stream byte and the payload. */
  record Frame(int stream, String payload) {}

  /** Reads one frame of the multiplexed stream, blocking; fails at the end of the stream. */
  static Frame readFrame(java.io.InputStream in) throws IOException {
    byte[] header = in.readNBytes(8);
    if (header.length < 8) throw new AssertionError("the stream ended before a frame");
    int size = ByteBuffer.wrap(header, 4, 4).getInt();
    byte[] payload = in.readNBytes(size);
    return new Frame(header[0], new String(payload, StandardCharsets.UTF_8));
  }

  static List<Frame> demux(byte[] body) {
    List<Frame> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(body);
    while (b.remaining() >= 8) {
      int stream = b.get();
      b.get();
      b.get();
      b.get();
      int size = b.getInt();
      byte[] p = new byte[size];
      b.get(p);
      out.add(new Frame(stream, new String(p, StandardCharsets.UTF_8)));
    }
    if (b.hasRemaining()) throw new AssertionError("trailing bytes in multiplexed stream");
    return out;
  }

  /** Runs {@code sh -c script} and waits; the real writer process of a test container. */
  static void sh(String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    if (p.waitFor() != 0) throw new AssertionError("sh failed: " + out);
  }

  @Override
  public void close() {
    node.stop();
  }
}
