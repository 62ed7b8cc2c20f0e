package io.berth.testing.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.host.NetnsHandle;
import io.berth.testing.Await;
import io.berth.testing.lab.LabNetns;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared part of an end-to-end scenario: one node ({@code bin/berth up} in a lab namespace) for the whole class,
 * the real docker CLI against it, container events published as a container service would, and waits that fail
 * naming what they waited for.
 *
 * <pre>{@code
 * @RegisterExtension static final Scenario s = Scenario.node("node1").daemonJson("{\"dns\": [\"10.232.0.2\"]}");
 *
 * s.dockerOk("network", "create", "localnet");
 * s.created(s.container(id, "c1").put("networkMode", "localnet"));
 * s.await("c1 on localnet", () -> s.docker("network", "inspect", "localnet").out().contains("c1"));
 * }</pre>
 *
 * Not root: the class is skipped with the reason. The node is started before the class's {@code @BeforeAll} methods
 * and stopped after its {@code @AfterAll} methods (or earlier, by {@link #close()}); its log is copied to
 * {@code target/<class>-node.log}, and its folder, namespace and mounts are removed.
 */
public final class Scenario implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** How long a scenario waits for an event's effect unless told otherwise. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern NETWORK_API = Pattern.compile("network API listening on (127\\.0\\.0\\.1:\\d+)");

  private final String nodeName;
  private String daemonJson;
  private String testClass = "scenario";
  private Path dir;
  private NodeProcess node;

  private Scenario(String nodeName) {
    this.nodeName = nodeName;
  }

  /** A scenario around one node of this name. */
  public static Scenario node(String name) {
    return new Scenario(name);
  }

  /** The node's daemon.json (by default only {@code log-level: info}). */
  public Scenario daemonJson(String json) {
    this.daemonJson = json;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    testClass = context.getRequiredTestClass().getSimpleName();
    LabNetns.requireRoot("end-to-end tests run nodes in network namespaces");
    assertTrue(Commands.run("docker", "--version").ok(),
        "the docker CLI is required; bin/berth test installs Debian's docker.io for it");
    dir = Files.createTempDirectory("berth-" + testClass);
    Path nodeDir = Files.createDirectories(dir.resolve(nodeName));
    if (daemonJson != null) Files.writeString(nodeDir.resolve("daemon.json"), daemonJson);
    node = NodeProcess.create(nodeDir, nodeName);
    node.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  /** Stops the node and removes what it left; idempotent, for a test that must clean up after the node stopped. */
  @Override
  public void close() throws InterruptedException {
    if (dir == null) return;
    try {
      if (node != null) node.close();
    } finally {
      if (node != null) keepLog();
      NodeProcess.unmountBelow(dir);
      delete(dir);
      dir = null;
    }
  }

  public NodeProcess node() {
    return node;
  }

  public String nodeName() {
    return nodeName;
  }

  /** A folder of the scenario's own, removed after the class (the node's files are in {@code nodeName()} below). */
  public Path dir() {
    return dir;
  }

  // ---- the docker CLI ----

  public Commands.Result docker(String... args) {
    return node.docker(args);
  }

  /** Runs the docker CLI, asserts it succeeded and returns its trimmed output. */
  public String dockerOk(String... args) {
    return ok(node.docker(args)).out().strip();
  }

  /** Asserts a command succeeded and returns it. */
  public static Commands.Result ok(Commands.Result r) {
    assertTrue(r.ok(), r.toString());
    return r;
  }

  /** A container's IPv4 address on a network, from {@code docker network inspect}. */
  public String ipOf(String network, String containerId) {
    JsonObject cs = new JsonObject(dockerOk("network", "inspect", network, "--format", "{{json .Containers}}"));
    JsonObject c = cs.getJsonObject(containerId);
    assertTrue(c != null, containerId + " is not on " + network + ": " + cs.encode());
    String cidr = c.getString("IPv4Address");
    return cidr.substring(0, cidr.indexOf('/'));
  }

  /** A network's first gateway, from {@code docker network inspect}. */
  public String gateway(String network) {
    return dockerOk("network", "inspect", network, "--format", "{{(index .IPAM.Config 0).Gateway}}");
  }

  // ---- container events, as a container service publishes them ----

  /**
   * The data of an {@code io.berth.container.created} on this node: a busybox container with no network; callers
   * {@code put} what their case needs ({@code networkMode}, {@code portBindings}, {@code mounts}, ...).
   */
  public JsonObject container(String id, String name) {
    return new JsonObject().put("id", id).put("name", name).put("node", nodeName).put("image", "busybox")
        .put("createdAt", "2026-11-27T00:00:00Z").put("networkMode", "none");
  }

  /** Publishes an event through {@code bin/berth events publish}, keyed by the data's id, and asserts it went. */
  public String publish(String type, JsonObject data) {
    return ok(node.publish(type, data.encode())).out().strip();
  }

  /** Publishes an event with an explicit partition key. */
  public String publish(String type, String key, JsonObject data) {
    return ok(node.publish(type, data.encode(), "--key", key)).out().strip();
  }

  public void created(JsonObject container) {
    publish("io.berth.container.created", container.getString("id"), container);
  }

  public void started(String id, long pid) {
    publish("io.berth.container.started", id, new JsonObject().put("id", id).put("node", nodeName).put("pid", pid));
  }

  public void stopped(String id, int exitCode) {
    publish("io.berth.container.stopped", id, new JsonObject().put("id", id).put("node", nodeName)
        .put("exitCode", exitCode));
  }

  public void removed(String id) {
    publish("io.berth.container.removed", id, new JsonObject().put("id", id).put("node", nodeName)
        .put("removeVolumes", false));
  }

  /**
   * Writes a record straight to one of the node's topics, as a buggy producer would (no schema check, unlike
   * {@code bin/berth events publish}): CloudEvents binary mode, {@code ce_*} headers and {@code value} as the data.
   * The producer runs inside the node's namespace, where its Kafka listens.
   */
  public void publishRaw(String topic, String key, Map<String, String> ceAttributes, byte[] value) {
    String bootstrap;
    try {
      bootstrap = Files.readString(node.execRoot().resolve("kafka.bootstrap")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    ceAttributes.forEach((k, v) -> record.headers().add("ce_" + k, v.getBytes(StandardCharsets.UTF_8)));
    record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    // the producer's network thread starts in its constructor and so inherits the namespace of the thread making it
    try (NetnsHandle ns = NetnsHandle.open(Path.of("/run/netns", node.netns()));
         KafkaProducer<String, byte[]> producer = ns.call(() -> new KafkaProducer<String, byte[]>(config))) {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot write to " + topic + " of " + nodeName, e);
    }
  }

  // ---- bin/berth ----

  /** Runs {@code bin/berth ARGS} inside the node's namespace (where its Kafka listens). */
  public Commands.Result berth(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Repo.root().resolve("bin/berth").toString()));
    cmd.addAll(List.of(args));
    return node.inNetnsEnv(Map.of("BERTH_SKIP_INSTALL", "1"), cmd.toArray(String[]::new));
  }

  /**
   * The events on a topic from its beginning, through {@code bin/berth events tail}: {@code count} of them, or all
   * that arrive within {@code timeoutSeconds} when count is negative.
   */
  public List<JsonObject> events(String topic, int count, int timeoutSeconds) {
    List<String> args = new ArrayList<>(List.of("events", "tail", topic, "--exec-root", node.execRoot().toString(),
        "--from-beginning", "--timeout", Integer.toString(timeoutSeconds)));
    if (count >= 0) args.addAll(List.of("--count", Integer.toString(count)));
    Commands.Result tail = ok(berth(args.toArray(String[]::new)));
    return tail.out().lines().filter(l -> l.startsWith("{")).map(JsonObject::new).toList();
  }

  // ---- the network service's own API (the sandbox view Docker's API does not have) ----

  /** The network service's address, from its latest start line in the node's log. */
  public String networkApi() {
    Matcher m = NETWORK_API.matcher(log());
    String last = null;
    while (m.find()) last = m.group(1);
    assertTrue(last != null, "the network service printed no address");
    return last;
  }

  /** {@code GET} on the network service, with curl inside the node's namespace. */
  public RawHttp.Reply networkGet(String path) {
    Commands.Result r = ok(node.inNetns("curl", "-s", "-w", "\n%{http_code}", "http://" + networkApi() + path));
    int nl = r.out().lastIndexOf('\n');
    return new RawHttp.Reply(Integer.parseInt(r.out().substring(nl + 1).strip()), Map.of(), r.out().substring(0, nl));
  }

  /** {@code DELETE} on the network service (a sandbox removed without an event). */
  public Commands.Result networkDelete(String path) {
    return node.inNetns("curl", "-s", "-X", "DELETE", "http://" + networkApi() + path);
  }

  /** The node's log so far. */
  public String log() {
    try {
      return Files.readString(node.log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- waiting ----

  /** Waits up to {@link #TIMEOUT} for {@code condition}. */
  public void await(String what, BooleanSupplier condition) {
    Await.until(what, TIMEOUT, condition);
  }

  /** Waits up to {@link #TIMEOUT} for a value of {@code probe} that satisfies {@code done}, and returns it. */
  public <T> T await(String what, Callable<T> probe, Predicate<? super T> done) {
    return Await.until(what, TIMEOUT, probe, done);
  }

  /** Waits until a docker command succeeds, and returns its result. */
  public Commands.Result awaitDocker(String what, String... args) {
    return await(what, () -> node.docker(args), Commands.Result::ok);
  }

  // ---- cleanup ----

  private void keepLog() {
    try {
      if (Files.exists(node.log())) {
        Files.createDirectories(Path.of("target"));
        Files.copy(node.log(), Path.of("target", testClass + "-node.log"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // the log is a convenience for reading a failure; losing it fails nothing
    }
  }

  private static void delete(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a file the kernel still holds (a busy mount point) stays in the temp dir; the leak checks report real leaks
    }
  }

  /** A JSON array of strings, for event data. */
  public static JsonArray strings(String... values) {
    return new JsonArray(List.of((Object[]) values));
  }
}
