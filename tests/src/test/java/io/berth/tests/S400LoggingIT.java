package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.RawHttp;
import io.berth.testing.node.Scenario;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Container logs end to end: container events published to a node in its lab namespace, a real process writing into
 * the FIFOs the logging service created, the json-file on disk, and {@code docker logs} through the real CLI
 * ({@code --tail}, {@code --timestamps}, {@code --since}, {@code --follow} ending at stop, stdout and stderr
 * demultiplexed), plus the raw endpoint and Docker's errors for bad log options.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S400LoggingIT {
  @RegisterExtension static final Scenario s = Scenario.node("node1");
  static NodeProcess node;
  static final String ID = newId();
  static final List<String> CREATED = new ArrayList<>();

  @BeforeAll
  static void handles() {
    node = s.node();
  }

  @AfterAll
  static void removeContainers() {
    // The network service made a sandbox for each container: remove the containers so it releases them.
    for (String id : CREATED) s.removed(id);
    Path netns = node.execRoot().resolve("netns");
    s.await("every sandbox released", () -> sandboxes(netns) == 0);
  }

  static long sandboxes(Path netns) {
    if (!Files.isDirectory(netns)) return 0;
    try (var files = Files.list(netns)) {
      return files.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String newId() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static JsonObject container(String id, String name, JsonObject logConfig) {
    CREATED.add(id);
    return s.container(id, name).put("image", "busybox:1.36").put("createdAt", "2026-11-27T18:00:00Z")
        .put("tty", false).put("logConfig", logConfig);
  }

  static void awaitPath(Path p) {
    s.await(p + " exists", () -> Files.exists(p));
  }

  static Path containerDir(String id) {
    return node.dataRoot().resolve("containers").resolve(id);
  }

  @Test
  @Order(1)
  void aWriterProcessLogsThroughTheFifosIntoDockersJsonFile() throws Exception {
    s.created(container(ID, "web",
        new JsonObject().put("type", "").put("config", new JsonObject().put("max-size", "10m").put("max-file", "2"))));
    Path out = containerDir(ID).resolve("stdout.fifo");
    Path err = containerDir(ID).resolve("stderr.fifo");
    awaitPath(err);
    s.publish("io.berth.container.started", ID, new JsonObject().put("id", ID).put("node", "node1"));
    Commands.Result w = Commands.run(List.of("sh", "-c", "i=0; while [ $i -lt 100 ]; do echo \"out $i\"; "
        + "echo \"err $i\" >&2; i=$((i+1)); done > " + out + " 2> " + err), Map.of(), 60);
    assertTrue(w.ok(), w.toString());
    Path log = containerDir(ID).resolve(ID + "-json.log");
    List<String> lines = s.await("every line in the json-file", () -> Files.exists(log) ? Files.readAllLines(log)
        : List.<String>of(), l -> l.size() >= 200);
    assertEquals(200, lines.size());
    assertTrue(lines.get(0).matches("\\{\"log\":\"(out|err) 0\\\\n\",\"stream\":\"std(out|err)\",\"time\":\"[^\"]+Z\"}"),
        lines.get(0));
  }

  @Test
  @Order(2)
  void dockerLogsTailTimestampsAndStreamsThroughTheCli() {
    // docker logs inspects the container first (is it a tty?): the gateway's inspect answers that
    Commands.Result inspect = Scenario.ok(node.docker("inspect", "--format", "{{.Id}} {{.Config.Tty}}", "web"));
    assertEquals(ID + " false", inspect.out().strip());
    Commands.Result all = node.docker("logs", "web");
    assertTrue(all.ok(), all.toString());
    List<String> expectedOut = new ArrayList<>();
    List<String> expectedErr = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expectedOut.add("out " + i);
      expectedErr.add("err " + i);
    }
    assertEquals(expectedOut, all.out().lines().toList(), "stdout demultiplexed by the CLI");
    assertEquals(expectedErr, all.err().lines().toList(), "stderr demultiplexed by the CLI");
    Commands.Result tail = node.docker("logs", "--tail", "10", "web");
    assertEquals(10, tail.out().lines().count() + tail.err().lines().count(), tail.toString());
    Commands.Result ts = node.docker("logs", "--timestamps", "--tail", "2", "web");
    List<String> stamped = (ts.out() + ts.err()).lines().toList();
    assertEquals(2, stamped.size(), ts.toString());
    for (String l : stamped) {
      assertTrue(l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (out|err) \\d+"), l);
    }
    Commands.Result future = node.docker("logs", "--since", "2099-01-01T00:00:00Z", "web");
    assertTrue(future.ok(), future.toString());
    assertEquals("", future.out() + future.err());
    Commands.Result past = node.docker("logs", "--since", "10m", "web");
    assertEquals(100, past.out().lines().count());
  }

  @Test
  @Order(3)
  void theLogsEndpointSendsDockersMultiplexedStream() throws Exception {
    RawHttp.Reply r = RawHttp.get(node.socket(), "/v1.51/containers/" + ID + "/logs?stdout=1&stderr=1&tail=4");
    assertEquals(200, r.status());
    assertEquals("application/vnd.docker.multiplexed-stream", r.header("Content-Type"));
    ByteBuffer b = ByteBuffer.wrap(r.body().getBytes(StandardCharsets.ISO_8859_1));
    int frames = 0;
    while (b.remaining() >= 8) {
      int stream = b.get();
      assertEquals(0, b.get() | b.get() | b.get());
      byte[] payload = new byte[b.getInt()];
      b.get(payload);
      String text = new String(payload, StandardCharsets.UTF_8);
      assertTrue(text.matches("(out|err) 9\\d\n"), text);
      assertEquals(text.startsWith("out") ? 1 : 2, stream);
      frames++;
    }
    assertEquals(4, frames);
    RawHttp.Reply none = RawHttp.get(node.socket(), "/v1.51/containers/" + ID + "/logs");
    assertEquals(400, none.status());
    assertTrue(none.body().contains("you must choose at least one stream"), none.body());
  }

  @Test
  @Order(4)
  void followEndsWhenTheContainerStops() throws Exception {
    Scenario.ok(node.docker("inspect", "web"));
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + node.netns(), "--", "docker",
        "-H", "unix://" + node.socket(), "logs", "--follow", "--tail", "1", "web"));
    Process follow = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread pump = new Thread(() -> {
      try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(follow.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    }, "follow-output");
    pump.start();
    // the tail line arrives once the CLI is attached and following: wait for it instead of sleeping
    String tailLine = lines.poll(30, TimeUnit.SECONDS);
    assertTrue(tailLine != null && tailLine.matches("(out|err) 99"), "tail 1 first: " + tailLine);
    assertTrue(follow.isAlive(), "follow keeps the stream open while the container runs");
    Commands.Result w = Commands.run(List.of("sh", "-c", "echo late line > " + containerDir(ID).resolve("stdout.fifo")),
        Map.of(), 30);
    assertTrue(w.ok(), w.toString());
    assertEquals("late line", lines.poll(30, TimeUnit.SECONDS), "a line written while following arrives");
    s.stopped(ID, 0);
    assertTrue(follow.waitFor(20, TimeUnit.SECONDS), "docker logs --follow ended when the container stopped");
    pump.join(5_000);
    assertEquals(0, follow.exitValue(), String.join("\n", lines));
  }

  @Test
  @Order(5)
  void badLogOptionsGetDockersMessage() throws Exception {
    String id = newId();
    s.created(container(id, "badlog",
        new JsonObject().put("type", "json-file").put("config", new JsonObject().put("max-sise", "1m"))));
    RawHttp.Reply r = s.await("the logging service knows badlog", () -> logs(id), reply -> reply.status() != 404);
    assertEquals(400, r.status(), r.body());
    assertEquals("unknown log opt 'max-sise' for json-file log driver", new JsonObject(r.body()).getString("message"));
    Commands.Result cli = node.docker("logs", "badlog");
    assertNotEquals(0, cli.exit());
  }

  static RawHttp.Reply logs(String id) throws java.io.IOException {
    return RawHttp.get(node.socket(), "/v1.51/containers/" + id + "/logs?stdout=1");
  }

  @Test
  @Order(6)
  void aSplunkThatDoesNotAnswerRefusesTheContainerAsDockerDoes() throws Exception {
    String id = newId();
    // nothing listens on port 1 in the node's namespace: splunk-verify-connection (default true) fails at create
    s.created(container(id, "nosplunk", new JsonObject().put("type", "splunk")
        .put("config", new JsonObject().put("splunk-url", "http://127.0.0.1:1").put("splunk-token", "t"))));
    String fluentdId = newId();
    s.created(container(fluentdId, "fluentboth", new JsonObject()
        .put("type", "fluentd").put("config", new JsonObject().put("fluentd-async", "true")
            .put("fluentd-async-connect", "true"))));
    RawHttp.Reply r = s.await("the logging service knows nosplunk", () -> logs(id), reply -> reply.status() != 404);
    RawHttp.Reply f = s.await("the logging service knows fluentboth", () -> logs(fluentdId),
        reply -> reply.status() != 404);
    assertEquals(400, r.status(), r.body());
    assertEquals("Options \"http://127.0.0.1:1/services/collector/event/1.0\": dial tcp 127.0.0.1:1: connect: "
        + "connection refused", new JsonObject(r.body()).getString("message"));
    assertEquals(400, f.status(), f.body());
    assertEquals("conflicting options: cannot specify both 'fluentd-async' and 'fluentd-async-connect",
        new JsonObject(f.body()).getString("message"));
  }
}
