package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.RawHttp;
import io.berth.testing.node.Scenario;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The all-in-one node as users get it: {@code bin/berth up} in a lab network namespace, driven by the real docker CLI
 * over its unix socket, then stopped and started again on the same data root.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S000NodeIT {
  @RegisterExtension static final Scenario s = Scenario.node("node1");
  static NodeProcess node;
  static Path dir;

  @BeforeAll
  static void handles() {
    node = s.node();
    dir = s.dir();
  }

  @Test
  @Order(1)
  void dockerVersionShowsBerthsServer() {
    Commands.Result r = node.docker("version");
    assertTrue(r.ok(), r.toString());
    assertTrue(r.out().contains("Server: berth"), r.out());
    assertTrue(r.out().matches("(?s).*API version:\\s+1\\.51 \\(minimum version 1\\.24\\).*"), r.out());
    assertTrue(r.out().contains("OS/Arch:"), r.out());
  }

  @Test
  @Order(2)
  void dockerInfoShowsTheNode() {
    Commands.Result r = node.docker("info");
    assertTrue(r.ok(), r.toString());
    assertTrue(r.out().contains("Name: node1"), r.out());
    assertTrue(r.out().contains("Docker Root Dir: " + node.dataRoot()), r.out());
    assertTrue(r.out().contains("Logging Driver: json-file"), r.out());
  }

  @Test
  @Order(3)
  void olderClientsNegotiateDown() {
    for (String v : new String[] {"1.24", "1.41", "1.50"}) {
      Commands.Result r = node.docker(Map.of("DOCKER_API_VERSION", v), "version", "--format", "{{.Client.APIVersion}} {{.Server.APIVersion}}");
      assertTrue(r.ok(), r.toString());
      assertEquals(v + " 1.51", r.out().trim());
    }
  }

  @Test
  @Order(4)
  void domainPathsReachTheirServiceWhichAnswersDockers404() throws Exception {
    // Each service answers a missing object with its own Docker message: only the owner of the path knows them.
    assertDaemonError("get no-such-volume: no such volume", "volume", "inspect", "no-such-volume");
    assertDaemonError("network no-such-network not found", "network", "inspect", "no-such-network");
    assertDaemonError("No such container: no-such-container", "container", "inspect", "no-such-container");
    // A domain whose service is not built yet (ingress: swarm services, tasks, nodes) is Docker's unknown path.
    for (String path : new String[] {"/v1.51/services", "/v1.51/tasks", "/v1.51/nodes"}) {
      RawHttp.Reply r = RawHttp.get(node.socket(), path);
      assertEquals(404, r.status(), path + " " + r.body());
      assertEquals("application/json", r.header("Content-Type"), path);
      assertEquals(new JsonObject().put("message", "page not found"), new JsonObject(r.body()), path);
    }
  }

  static void assertDaemonError(String message, String... dockerArgs) {
    Commands.Result r = node.docker(dockerArgs);
    assertNotEquals(0, r.exit(), r.toString());
    assertEquals("Error response from daemon: " + message, r.err().strip(), String.join(" ", dockerArgs));
  }

  @Test
  @Order(5)
  void pingCarriesNegotiationHeaders() throws Exception {
    RawHttp.Reply head = RawHttp.request(node.socket(), "HEAD", "/_ping", null, null);
    assertEquals(200, head.status());
    assertEquals("1.51", head.header("Api-Version"));
    assertEquals("linux", head.header("Ostype"));
    assertEquals("false", head.header("Docker-Experimental"));
    assertEquals("inactive", head.header("Swarm"));
    RawHttp.Reply get = RawHttp.get(node.socket(), "/_ping");
    assertEquals("OK", get.body());
    JsonObject version = new JsonObject(RawHttp.get(node.socket(), "/v1.51/version").body());
    assertEquals("1.51", version.getString("ApiVersion"));
    assertEquals("1.24", version.getString("MinAPIVersion"));
    assertEquals("linux", version.getString("Os"));
    assertEquals("Engine", version.getJsonArray("Components").getJsonObject(0).getString("Name"));
  }

  @Test
  @Order(5)
  void logLevelChangesWhileTheNodeRuns() {
    String berth = io.berth.testing.node.Repo.root().resolve("bin/berth").toString();
    Map<String, String> env = Map.of("BERTH_SKIP_INSTALL", "1");
    String host = "unix://" + node.socket();
    Commands.Result set = Commands.run(java.util.List.of(berth, "log-level", "debug", "-H", host), env, 60);
    assertTrue(set.ok(), set.toString());
    assertEquals("debug", set.out().trim());
    Commands.Result get = Commands.run(java.util.List.of(berth, "log-level", "-H", host), env, 60);
    assertEquals("debug", get.out().trim(), get.toString());
    Commands.Result bad = Commands.run(java.util.List.of(berth, "log-level", "loud", "-H", host), env, 60);
    assertNotEquals(0, bad.exit());
    assertTrue(bad.err().contains("invalid log level"), bad.toString());
    assertTrue(Commands.run(java.util.List.of(berth, "log-level", "info", "-H", host), env, 60).ok());
  }

  @Test
  @Order(6)
  void badRequestsGetDockerShapedErrors() throws Exception {
    RawHttp.Reply old = RawHttp.get(node.socket(), "/v1.20/version");
    assertEquals(400, old.status());
    assertEquals("application/json", old.header("Content-Type"));
    assertTrue(new JsonObject(old.body()).getString("message").startsWith("client version 1.20 is too old"), old.body());
    RawHttp.Reply young = RawHttp.get(node.socket(), "/v1.99/info");
    assertEquals(400, young.status());
    assertTrue(new JsonObject(young.body()).getString("message").contains("is too new"), young.body());
    RawHttp.Reply unknown = RawHttp.get(node.socket(), "/v1.51/images/json");
    assertEquals(404, unknown.status());
    assertEquals("application/json", unknown.header("Content-Type"));
    assertEquals("page not found", new JsonObject(unknown.body()).getString("message"));
    byte[] big = ("{\"Name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply tooBig = RawHttp.request(node.socket(), "POST", "/v1.51/volumes/create", "application/json", big);
    assertEquals(413, tooBig.status());
    assertEquals("application/json", tooBig.header("Content-Type"));
    // The node is still serving after all of that.
    assertTrue(node.docker("version").ok());
  }

  @Test
  @Order(7)
  void eventsPublishValidatesAndTailSeesThem() throws Exception {
    Path berth = io.berth.testing.node.Repo.root().resolve("bin/berth");
    Map<String, String> env = Map.of("BERTH_SKIP_INSTALL", "1");
    String id = "a".repeat(64);
    Commands.Result bad = node.inNetnsEnv(env, berth.toString(), "events", "publish", "io.berth.container.stopped",
        "--exec-root", node.execRoot().toString(), "--data", "{\"id\": 42}");
    assertNotEquals(0, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("invalid data"), bad.toString());
    Commands.Result ok = node.inNetnsEnv(env, berth.toString(), "events", "publish", "io.berth.container.stopped",
        "--exec-root", node.execRoot().toString(),
        "--data", "{\"id\": \"" + id + "\", \"node\": \"node1\", \"exitCode\": 0}");
    assertTrue(ok.ok(), ok.toString());
    Commands.Result tail = node.inNetnsEnv(env, berth.toString(), "events", "tail", "berth.container.events",
        "--exec-root", node.execRoot().toString(), "--from-beginning", "--count", "1", "--timeout", "60");
    assertTrue(tail.ok(), tail.toString());
    JsonObject event = new JsonObject(tail.out().trim());
    assertEquals("io.berth.container.stopped", event.getString("type"));
    assertEquals(ok.out().trim(), event.getString("id"));
    assertEquals(id, event.getJsonObject("data").getString("id"));
  }

  @Test
  @Order(8)
  void aPoisonContainerEventGoesToTheDeadLetter() {
    // data no service can decode (an id that is an object): a bug in a producer, not a request to refuse; the next
    // test shows the services carry on after it
    String eventId = "poison-" + java.util.UUID.randomUUID();
    s.publishRaw("berth.container.events", "p0", Map.of("specversion", "1.0", "id", eventId,
            "source", "urn:berth:test", "type", "io.berth.container.created"),
        "{\"id\": {\"not\": \"a string\"}, \"node\": \"node1\"}".getBytes(StandardCharsets.UTF_8));
    JsonObject dead = s.await("the poison event in berth.deadletter", () -> s.events("berth.deadletter", -1, 5),
        events -> events.stream().anyMatch(e -> eventId.equals(e.getString("id")))).stream()
        .filter(e -> eventId.equals(e.getString("id"))).findFirst().orElseThrow();
    assertEquals("io.berth.container.created", dead.getString("type"));
    assertEquals(new JsonObject().put("id", new JsonObject().put("not", "a string")).put("node", "node1"),
        dead.getJsonObject("data"), dead.encode());
  }

  @Test
  @Order(9)
  void containerEventsShowInInspectAndPs() throws Exception {
    Path berth = io.berth.testing.node.Repo.root().resolve("bin/berth");
    Map<String, String> env = Map.of("BERTH_SKIP_INSTALL", "1");
    String id = "c1".repeat(32);
    String created = new JsonObject().put("id", id).put("name", "c1").put("node", "node1").put("image", "alpine")
        .put("createdAt", "2026-11-27T10:00:00Z").put("networkMode", "none").put("tty", false).encode();
    Commands.Result pub = node.inNetnsEnv(env, berth.toString(), "events", "publish", "io.berth.container.created",
        "--exec-root", node.execRoot().toString(), "--data", created);
    assertTrue(pub.ok(), pub.toString());
    Commands.Result inspect = s.awaitDocker("c1 in docker inspect", "container", "inspect", "--format",
        "{{.Id}} {{.Name}} {{.State.Status}} {{.Config.Tty}}", "c1");
    assertEquals(id + " /c1 created false", inspect.out().trim());
    Commands.Result started = node.inNetnsEnv(env, berth.toString(), "events", "publish", "io.berth.container.started",
        "--exec-root", node.execRoot().toString(), "--data", "{\"id\": \"" + id + "\", \"node\": \"node1\", \"pid\": 4242}");
    assertTrue(started.ok(), started.toString());
    Commands.Result ps = s.await("c1 running in docker ps", () -> node.docker("ps", "--format", "{{.Names}} {{.Image}}"),
        r -> r.ok() && r.out().contains("c1 alpine"));
    assertEquals("c1 alpine", ps.out().trim());
    Commands.Result missing = node.docker("container", "inspect", "nope");
    assertNotEquals(0, missing.exit());
    assertTrue(missing.err().contains("No such container: nope"), missing.toString());
  }

  @Test
  @Order(10)
  void restartsOnTheSameDataRoot() throws Exception {
    Path kafkaMeta = node.dataRoot().resolve("kafka");
    assertTrue(Files.isDirectory(kafkaMeta));
    // 143 is the JVM's exit status after SIGTERM once its shutdown hooks have run.
    assertEquals(143, node.stop(), "a clean stop");
    assertTrue(Files.readString(node.log()).contains("berth node stopped"), "the node says it stopped cleanly");
    assertFalse(Files.exists(node.socket()), "the socket is removed on stop");
    node.start();
    assertTrue(node.docker("version").ok());
    Commands.Result inspect = node.docker("container", "inspect", "--format", "{{.State.Status}} {{.State.Pid}}", "c1");
    assertEquals("running 4242", inspect.out().trim(), inspect.toString());
    // The event published before the restart is still in Kafka.
    Path berth = io.berth.testing.node.Repo.root().resolve("bin/berth");
    Commands.Result tail = node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), berth.toString(), "events", "tail",
        "berth.container.events", "--exec-root", node.execRoot().toString(), "--from-beginning", "--count", "1", "--timeout", "60");
    assertTrue(tail.ok(), tail.toString());
  }

  @Test
  @Order(11)
  void malformedConfigIsRefusedWithTheFileNamed() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"log-level\": \"debug\",");
    Commands.Result r = Commands.run(java.util.List.of(io.berth.testing.node.Repo.root().resolve("bin/berth").toString(),
        "up", "--config", bad.toString(), "--data-root", dir.resolve("bad-data").toString()), Map.of("BERTH_SKIP_INSTALL", "1"), 60);
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains(bad.toString()) && r.err().contains("invalid JSON"), r.toString());
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, "{\"log-levle\": \"debug\"}");
    Commands.Result u = Commands.run(java.util.List.of(io.berth.testing.node.Repo.root().resolve("bin/berth").toString(),
        "up", "--config", unknown.toString()), Map.of("BERTH_SKIP_INSTALL", "1"), 60);
    assertEquals(2, u.exit(), u.toString());
    assertTrue(u.err().contains("log-levle"), u.toString());
  }
}
