package io.berth.logging.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.Topics;
import io.berth.logging.file.JsonLogFormat;
import io.berth.logging.domain.LogMessage;
import io.berth.testing.Await;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logging service on a real node (embedded Kafka, Hazelcast): container events in, a real writer process writing
 * into the FIFOs the service made, json-file on disk, {@code /containers/{id}/logs} out, ingest from Kafka.
 */
@Tag("host")
class LoggingServiceIT {
  @TempDir static Path dir;
  static LoggingNode node;

  static final List<io.cloudevents.CloudEvent> LOGGING_EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    node = new LoggingNode(dir, new JsonObject().put("log-opts", new JsonObject().put("max-size", "50m")));
    node.node.context().events().subscribe(Topics.LOGGING_EVENTS, "test-" + java.util.UUID.randomUUID(), e -> {
      LOGGING_EVENTS.add(e);
      return io.vertx.core.Future.succeededFuture();
    }).await();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  /** Waits (up to 10 s) for a logging event of {@code type} whose data matches. */
  static <T extends Record> T awaitEvent(String type, Class<T> data, java.util.function.Predicate<T> match) {
    return Await.value("a " + type + " event", Duration.ofSeconds(10), () -> LOGGING_EVENTS.stream()
        .filter(e -> e.getType().equals(type)).map(e -> io.berth.events.BerthEvents.data(e, data)).filter(match)
        .findFirst().orElse(null));
  }

  private static long lineCount(Path file) throws java.io.IOException {
    try (var lines = java.nio.file.Files.lines(file)) {
      return lines.count();
    }
  }

  @Test
  void fifoOutputBecomesDockersJsonFileAndIsServedMultiplexed() throws Exception {
    String id = LoggingNode.newId();
    node.created(id, "web", false, "", Map.of("labels", "com.example.tier", "env", "REGION"), null);
    Path out = node.containerDir(id).resolve("stdout.fifo");
    Path err = node.containerDir(id).resolve("stderr.fifo");
    LoggingNode.awaitPath(err);
    io.berth.events.logging.LoggingAttached attached = awaitEvent("io.berth.logging.attached",
        io.berth.events.logging.LoggingAttached.class, a -> a.containerId().equals(id));
    assertEquals(new io.berth.events.logging.LoggingAttached(id, node.name(), out.toString(), err.toString(),
        "json-file"), attached);
    LoggingNode.sh("i=0; while [ $i -lt 2000 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done"
        + " > " + out + " 2> " + err);
    // The writer is done when sh returns, the collector not necessarily: wait until every line is in the log, so
    // "tail 2" means the last two lines written rather than whatever had arrived.
    Path jsonLog = node.containerDir(id).resolve(id + "-json.log");
    Await.until("every line in the json-file", Duration.ofSeconds(10),
        () -> Files.exists(jsonLog) ? lineCount(jsonLog) : 0L, n -> n >= 4000);
    HttpResponse<java.io.InputStream> followed = node.http.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.base() + "/containers/" + id
            + "/logs?stdout=1&stderr=1&follow=1&tail=2")).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, followed.statusCode());
    List<String> lastTwo = new ArrayList<>();
    try (java.io.InputStream body = followed.body()) {
      // the two tail frames arrive while the container runs: the stream is open and following before the stop
      lastTwo.add(LoggingNode.readFrame(body).payload());
      lastTwo.add(LoggingNode.readFrame(body).payload());
      node.stopped(id);
      CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
        try {
          return body.readAllBytes();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      assertEquals(0, rest.get(20, java.util.concurrent.TimeUnit.SECONDS).length, "follow ends at stop");
    }
    assertEquals(2, lastTwo.size(), "tail 2, then follow ends at stop: " + lastTwo);
    assertTrue(lastTwo.stream().allMatch(l -> l.matches("(out|err) 199\\d\n")), lastTwo.toString());

    Path log = node.containerDir(id).resolve(id + "-json.log");
    List<String> lines = Files.readAllLines(log);
    assertEquals(4000, lines.size());
    List<String> stdout = new ArrayList<>();
    List<String> stderr = new ArrayList<>();
    for (String l : lines) {
      assertTrue(l.matches("\\{\"log\":\"(out|err) \\d+\\\\n\",\"stream\":\"std(out|err)\","
          + "\"attrs\":\\{\"REGION\":\"eu\",\"com.example.tier\":\"front\"},\"time\":\"[0-9T:.-]+Z\"}"), l);
      LogMessage m = JsonLogFormat.parse(l.getBytes(StandardCharsets.UTF_8), 0, l.length());
      (m.stream().wire().equals("stdout") ? stdout : stderr).add(m.text());
    }
    for (int i = 0; i < 2000; i++) {
      assertEquals("out " + i, stdout.get(i));
      assertEquals("err " + i, stderr.get(i));
    }

    HttpResponse<byte[]> tail = node.get("/containers/" + id + "/logs?stdout=1&stderr=1&tail=4&timestamps=1");
    assertEquals("application/vnd.docker.multiplexed-stream", tail.headers().firstValue("Content-Type").orElse(""));
    List<LoggingNode.Frame> frames = LoggingNode.demux(tail.body());
    assertEquals(4, frames.size());
    for (LoggingNode.Frame f : frames) {
      assertTrue(f.payload().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (out|err) 199\\d\n"),
          f.payload());
      assertEquals(f.payload().contains(" out ") ? 1 : 2, f.stream());
    }
    // as in Docker, tail counts messages of both streams before the stream filter: read all of stderr
    List<LoggingNode.Frame> onlyErr = LoggingNode.demux(node.get("/containers/web/logs?stderr=1&details=1").body());
    assertEquals(2000, onlyErr.size());
    assertTrue(onlyErr.stream().allMatch(f -> f.stream() == 2));
    assertEquals("REGION=eu,com.example.tier=front err 1999\n", onlyErr.get(1999).payload());
    node.removed(id);
  }

  @Test
  void ttyContainersGetARawStreamAndIngestedLinesArrive() throws Exception {
    String id = LoggingNode.newId();
    node.created(id, "tty1", true, "local", Map.of(), null);
    Path out = node.containerDir(id).resolve("stdout.fifo");
    LoggingNode.awaitPath(out);
    LoggingNode.sh("printf 'one\\r\\ntwo\\r\\n' > " + out);
    // the FIFO's lines must be logged before the ingested ones are produced, or the two sources race
    Await.until("the FIFO's lines are logged", Duration.ofSeconds(5),
        () -> new String(node.get("/containers/" + id + "/logs?stdout=1").body()), text -> text.contains("two"));
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(node.node.context().kafka().producerConfig("t"))) {
      for (int i = 0; i < 100; i++) p.send(new ProducerRecord<>(Topics.LOGS_INGEST, id, ("remote " + i).getBytes()));
      p.flush();
    }
    byte[] body = Await.until("the ingested lines are logged", Duration.ofSeconds(10),
        () -> node.get("/containers/" + id + "/logs?stdout=1&stderr=1").body(),
        b -> new String(b).contains("remote 99"));
    String text = new String(body, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("one\r\ntwo\r\nremote 0\nremote 1\n"), text);
    assertTrue(text.endsWith("remote 99\n"), text);
    assertEquals("application/vnd.docker.raw-stream",
        node.get("/containers/" + id + "/logs?stdout=1").headers().firstValue("Content-Type").orElse(""));
    node.removed(id);
  }

  @Test
  void badConfigurationsAreRefusedWithDockersMessages() throws Exception {
    HttpResponse<String> r = node.post("/logging/validate", "{\"Type\":\"json-file\",\"Config\":{\"max-sise\":\"1m\"}}");
    assertEquals(400, r.statusCode());
    assertEquals("unknown log opt 'max-sise' for json-file log driver", new JsonObject(r.body()).getString("message"));
    assertEquals(204, node.post("/logging/validate", "{\"Type\":\"\",\"Config\":{\"max-file\":\"2\"}}").statusCode());
    HttpResponse<String> bad = node.post("/logging/validate", "{\"Type\":\"fancy\",\"Config\":{}}");
    assertEquals("logger: no log driver named 'fancy' is registered", new JsonObject(bad.body()).getString("message"));

    String id = LoggingNode.newId();
    node.created(id, "refused", false, "syslog", Map.of("syslog-address", "udp://127.0.0.1"), null);
    node.created(LoggingNode.newId(), "marker", false, "none", Map.of(), null);
    HttpResponse<byte[]> logs = Await.until("the service knows " + id, Duration.ofSeconds(10),
        () -> node.get("/containers/" + id + "/logs?stdout=1"), reply -> reply.statusCode() != 404);
    // a valid syslog config: its address is checked when lines are sent, not at create
    assertEquals(200, logs.statusCode());
    String id2 = LoggingNode.newId();
    node.created(id2, "refused2", false, "json-file", Map.of("max-size", "ten"), null);
    logs = Await.until("the service knows " + id2, Duration.ofSeconds(10),
        () -> node.get("/containers/" + id2 + "/logs?stdout=1"), reply -> reply.statusCode() != 404);
    assertEquals(400, logs.statusCode());
    assertEquals("invalid size: 'ten'", new JsonObject(new String(logs.body())).getString("message"));
    io.berth.events.logging.LogConfigRejected rejected = awaitEvent("io.berth.logging.config.rejected",
        io.berth.events.logging.LogConfigRejected.class, x -> x.containerId().equals(id2));
    assertEquals(new io.berth.events.logging.LogConfigRejected(id2, node.name(), "json-file", "invalid size: 'ten'"),
        rejected);
    String id3 = LoggingNode.newId();
    node.created(id3, "refused3", false, "gelf", Map.of("gelf-adress", "udp://127.0.0.1:1"), null);
    assertEquals(new io.berth.events.logging.LogConfigRejected(id3, node.name(), "gelf",
            "unknown log opt \"gelf-adress\" for gelf log driver"),
        awaitEvent("io.berth.logging.config.rejected", io.berth.events.logging.LogConfigRejected.class,
            x -> x.containerId().equals(id3)));
    assertEquals(400, node.get("/containers/" + id3 + "/logs?stdout=1").statusCode());
    assertEquals(400, node.get("/containers/" + id + "/logs").statusCode(), "no stream chosen");
    assertEquals(404, node.get("/containers/nosuch/logs?stdout=1").statusCode());
  }

  @Test
  void serviceLogsOfThisNodeCarryTheSwarmDetails() throws Exception {
    String id = LoggingNode.newId();
    JsonObject data = new JsonObject().put("id", id).put("name", "websvc.1.task1").put("node", node.name())
        .put("image", "nginx").put("createdAt", "2026-11-27T18:00:00Z").put("networkMode", "none")
        .put("task", new JsonObject().put("serviceId", "svc1").put("serviceName", "websvc").put("taskId", "task1")
            .put("taskSlot", 1));
    node.publish("io.berth.container.created", id, data);
    Path out = node.containerDir(id).resolve("stdout.fifo");
    LoggingNode.awaitPath(out);
    LoggingNode.sh("echo hello from a task > " + out);
    List<LoggingNode.Frame> frames = Await.until("the task's line in the service's logs", Duration.ofSeconds(10),
        () -> LoggingNode.demux(node.get("/logging/services/websvc/logs?stdout=1&stderr=1&timestamps=1").body()),
        f -> !f.isEmpty());
    assertEquals(1, frames.size());
    String prefix = "com.docker.swarm.node.id=" + node.name() + ",com.docker.swarm.service.id=svc1,"
        + "com.docker.swarm.task.id=task1 hello from a task\n";
    assertTrue(frames.get(0).payload().matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]{18}Z \\Q" + prefix.trim() + "\\E\n"),
        frames.get(0).payload());
    assertEquals(0, LoggingNode.demux(node.get("/logging/services/other/logs?stdout=1").body()).size());
    node.removed(id);
  }

  @Test
  void lostLinesAreCountedInAMetricAndPublished() throws Exception {
    String id = LoggingNode.newId();
    int closedPort = io.berth.testing.node.Ports.free();
    node.created(id, "lossy", false, "splunk", Map.of("splunk-url", "http://127.0.0.1:" + closedPort,
        "splunk-token", "t", "spool-max-size", "4k", "splunk-verify-connection", "false"), null);
    Path out = node.containerDir(id).resolve("stdout.fifo");
    LoggingNode.awaitPath(out);
    LoggingNode.sh("i=0; while [ $i -lt 1000 ]; do echo \"line $i\"; i=$((i+1)); done > " + out);
    io.berth.events.logging.LogLinesDropped dropped = awaitEvent("io.berth.logging.lines.dropped",
        io.berth.events.logging.LogLinesDropped.class, d -> d.containerId().equals(id));
    assertEquals("spool-full", dropped.reason());
    assertTrue(dropped.count() > 0);
    String metrics = new String(node.get("/metrics").body(), StandardCharsets.UTF_8);
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("berth_logging_lines_dropped_total")
        && l.contains("container=\"" + id + "\"") && l.contains("reason=\"spool-full\"")), metrics);
    // the dual-logging cache still has every line for docker logs
    assertEquals(1000, LoggingNode.demux(node.get("/containers/" + id + "/logs?stdout=1").body()).size());
    node.removed(id);
  }
}
