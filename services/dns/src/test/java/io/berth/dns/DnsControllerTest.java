package io.berth.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.domain.ResolvConf;
import io.berth.dns.domain.SandboxFiles;
import io.berth.dns.events.ContainerEventsConsumer;
import io.berth.dns.events.EndpointLag;
import io.berth.dns.events.NetworkEventsConsumer;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.dns.state.DnsState;
import io.berth.dns.state.DnsView;
import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkScope;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.Subnet;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.testing.fakes.MemoryStateStore;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller's one path from facts to files, with the state in memory and the files in a temporary folder (no
 * root, Kafka or Hazelcast): the files are announced once, when the container's settings, its ready sandbox and its
 * networks are all known, whichever order the two topics deliver them in.
 */
class DnsControllerTest {
  static final String ME = "n1";
  static final String C1 = "c1".repeat(32);
  static final NetworkInfo LOCALNET = new NetworkInfo("a".repeat(64), "localnet", "bridge", ME, false,
      List.of("172.18.0.1"), true);
  static final NetworkInfo OTHER = new NetworkInfo("b".repeat(64), "other", "bridge", ME, false,
      List.of("172.19.0.1"), true);
  static final ContainerDns SETTINGS = new ContainerDns(C1, "c1", ME, "box1", "", List.of("10.9.9.9"),
      List.of("dockercerts.com"), List.of(), List.of(), List.of("localnet"));
  static final NodeResolverSettings NODE = new NodeResolverSettings(List.of(), List.of(), List.of(),
      ResolvConf.parse("nameserver 10.0.0.2\nsearch corp.example\n"));
  private static final Vertx VERTX = Vertx.vertx();

  @TempDir
  Path dataRoot;

  final MemoryStateStore<DnsState> state = new MemoryStateStore<>(DnsState.class);
  final List<SandboxFiles> announced = new CopyOnWriteArrayList<>();
  final List<String> failed = new CopyOnWriteArrayList<>();
  Path filesRoot;
  DnsController dns;

  @AfterAll
  static void closeVertx() {
    VERTX.close().await();
  }

  @BeforeEach
  void start() {
    filesRoot = dataRoot;
    dns = controller();
  }

  /** A controller over {@link #state}, as a node that rebuilt it from the durable state. */
  private DnsController controller() {
    DnsView view = new DnsView(new RecordStore());
    state.ids().forEach(id -> view.apply(state.value(id).orElseThrow()));
    SandboxConfigurer files = new SandboxConfigurer(ME, view, NODE, new SandboxFileWriter(filesRoot),
        new HostOps(VERTX, OpenTelemetry.noop()), new SandboxConfigurer.Announcer() {
          @Override
          public Future<Void> configured(String id, SandboxFileWriter.Paths paths, SandboxFiles f) {
            announced.add(f);
            return Future.succeededFuture();
          }

          @Override
          public Future<Void> failed(String id, int status, String message) {
            failed.add(status + " " + message);
            return Future.succeededFuture();
          }
        });
    return new DnsController(ME, state, view, files);
  }

  static EndpointRecord endpoint(NetworkInfo n, String ip) {
    return new EndpointRecord(n.id().substring(0, 32) + C1.substring(32), n.id(), n.name(), C1, "c1", "", List.of(),
        ip + "/16", null, ME, true);
  }

  private Path file(String name) {
    return dataRoot.resolve("containers").resolve(C1).resolve(name);
  }

  private void assertOwnFiles(SandboxFiles f) throws Exception {
    assertEquals(List.of("172.18.0.1"), f.resolvConf().nameservers());
    assertEquals(List.of("dockercerts.com"), f.resolvConf().search());
    assertEquals("box1\n", f.hostname());
    assertEquals("box1\n", Files.readString(file("hostname")));
    assertTrue(Files.readString(file("hosts")).contains("172.18.0.2\tbox1 c1\n"));
  }

  @Test
  void settingsFirstThenTheSandbox() throws Exception {
    dns.networkCreated(LOCALNET).await();
    dns.containerCreated(SETTINGS).await();
    assertEquals(List.of(), announced, "no sandbox yet");
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    assertEquals(List.of(), announced, "endpoints may still come until the sandbox is ready");
    dns.sandboxReady(C1).await();
    assertEquals(1, announced.size());
    assertOwnFiles(announced.get(0));
  }

  @Test
  void theSandboxFirstThenTheSettings() throws Exception {
    dns.networkCreated(LOCALNET).await();
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(List.of(), announced, "nothing is written without the container's settings");
    assertFalse(Files.exists(file("resolv.conf")));
    assertEquals("c1", dns.view().records().snapshot().zone(LOCALNET.id()).member(
        io.berth.dns.domain.Addresses.parse("172.18.0.2")).containerName(), "its names answer meanwhile");
    dns.containerCreated(SETTINGS).await();
    assertEquals(1, announced.size());
    assertOwnFiles(announced.get(0));
  }

  @Test
  void theNetworkLastIsWaitedForAndNeverMadeUp() throws Exception {
    dns.containerCreated(SETTINGS).await();
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(List.of(), announced);
    assertNull(dns.view().network(LOCALNET.id()), "no network is invented from the endpoints");
    assertNull(state.value(DnsState.networkKey(LOCALNET.id())).orElse(null));
    dns.networkCreated(LOCALNET).await();
    assertEquals(1, announced.size());
    assertOwnFiles(announced.get(0));
  }

  @Test
  void replayedFactsAnnounceNothingMore() throws Exception {
    theSandboxFirstThenTheSettings();
    dns.networkCreated(LOCALNET).await();
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    dns.containerCreated(SETTINGS).await();
    assertEquals(1, announced.size());
  }

  @Test
  void connectAndDisconnectRewriteAndAnnounceAgain() throws Exception {
    settingsFirstThenTheSandbox();
    dns.networkCreated(OTHER).await();
    assertEquals(1, announced.size(), "a network the container is not on changes nothing");
    EndpointRecord second = endpoint(OTHER, "172.19.0.2");
    dns.endpointJoined(second).await();
    assertEquals(2, announced.size());
    assertTrue(announced.get(1).hosts().contains("172.19.0.2\tbox1 c1\n"), announced.get(1).hosts());
    assertEquals(List.of("172.18.0.1"), announced.get(1).resolvConf().nameservers(), "--network localnet first");
    dns.endpointLeft(endpoint(LOCALNET, "").endpointId(), C1).await();
    assertEquals(3, announced.size());
    assertEquals(List.of("172.19.0.1"), announced.get(2).resolvConf().nameservers());
    assertFalse(Files.readString(file("hosts")).contains("172.18.0.2"));
  }

  @Test
  void aRestartedNodeKnowsTheSandboxIsReady() throws Exception {
    settingsFirstThenTheSandbox();
    dns = controller();
    dns.endpointJoined(endpoint(OTHER, "172.19.0.2")).await();
    assertEquals(1, announced.size(), "other is not known yet");
    dns.networkCreated(OTHER).await();
    assertEquals(2, announced.size());
  }

  @Test
  void removalErasesEverythingAndDeletesTheFiles() throws Exception {
    settingsFirstThenTheSandbox();
    dns.containerRemoved(C1).await();
    assertFalse(Files.exists(file("resolv.conf")));
    assertEquals(List.of(DnsState.networkKey(LOCALNET.id())), state.ids());
    assertNull(dns.view().container(C1));
    assertFalse(dns.view().ready(C1));
    assertTrue(dns.view().endpoints(C1).isEmpty());
    assertEquals(0, dns.view().records().snapshot().size());
  }

  @Test
  void settingsWithoutEndpointsWaitForTheSandbox() throws Exception {
    dns.containerCreated(SETTINGS).await();
    assertEquals(List.of(), announced);
    // --network none: a ready sandbox without endpoints gets the upstreams
    dns.sandboxReady(C1).await();
    assertEquals(1, announced.size());
    assertEquals(List.of("10.9.9.9"), announced.get(0).resolvConf().nameservers());
  }

  @Test
  void endpointsWithoutSettingsAnswerButWriteNothing() throws Exception {
    dns.networkCreated(LOCALNET).await();
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(List.of(), announced);
    assertFalse(Files.exists(file("resolv.conf")));
    assertEquals(1, dns.view().records().snapshot().size());
  }

  @Test
  void aContainerOfAnotherNodeGetsNoFilesHere() throws Exception {
    dns.networkCreated(LOCALNET).await();
    dns.view().apply(DnsState.of(new ContainerDns(C1, "c1", "n2", "", "", List.of(), List.of(), List.of(),
        List.of(), List.of())));
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(List.of(), announced);
  }

  @Test
  void theConsumersRouteThisNodesFactsInEitherOrderAndLeaveOtherNodesAlone() throws Exception {
    NetworkEventsConsumer network = new NetworkEventsConsumer(dns, EndpointLag.unregistered());
    ContainerEventsConsumer containers = new ContainerEventsConsumer(dns);
    String source = "urn:berth:test";
    network.handle(BerthEvents.create(source, LOCALNET.id(), new NetworkCreated(LOCALNET.id(), "localnet", "bridge",
        NetworkScope.LOCAL, ME, List.of(new Subnet("172.18.0.0/16", "172.18.0.1", null)), false, Map.of(),
        Map.of()))).await();
    EndpointRecord e = endpoint(LOCALNET, "172.18.0.2");
    for (String node : List.of("n2", ME)) {
      network.handle(BerthEvents.create(source, C1, new EndpointJoined(e.endpointId(), LOCALNET.id(), "localnet", C1,
          "c1", List.of(), "172.18.0.2/16", null, "02:42:ac:12:00:02", node, true))).await();
      network.handle(BerthEvents.create(source, C1, new SandboxReady(C1, "/run/berth/netns/" + C1, node,
          List.of()))).await();
    }
    assertEquals(1, dns.view().records().snapshot().size());
    String created = "{\"id\":\"%s\",\"name\":\"c1\",\"node\":\"%s\",\"image\":\"busybox\",\"hostname\":\"box1\","
        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"networkMode\":\"localnet\",\"networks\":[{\"network\":\"localnet\"}],"
        + "\"dns\":{\"servers\":[\"10.9.9.9\"],\"search\":[\"dockercerts.com\"]}}";
    containers.handle(BerthEvents.create(EventCatalog.CONTAINER_CREATED.type(), source, C1,
        created.formatted(C1, "n2").getBytes(StandardCharsets.UTF_8))).await();
    assertEquals(List.of(), announced, "another node's container");
    containers.handle(BerthEvents.create(EventCatalog.CONTAINER_CREATED.type(), source, C1,
        created.formatted(C1, ME).getBytes(StandardCharsets.UTF_8))).await();
    assertEquals(1, announced.size());
    assertOwnFiles(announced.get(0));
    containers.handle(BerthEvents.create(source, C1, new ContainerRemoved(C1, ME, false))).await();
    assertFalse(Files.exists(file("resolv.conf")));
  }

  @Test
  void aSettingThatCannotGoIntoTheFilesIsAFailureFactOnce() throws Exception {
    ContainerDns injected = new ContainerDns(C1, "c1", ME, "", "", List.of(), List.of("corp.example\nnameserver 6.6.6.6"),
        List.of(), List.of(), List.of());
    dns.networkCreated(LOCALNET).await();
    dns.containerCreated(injected).await();
    assertEquals(List.of("400 corp.example\nnameserver 6.6.6.6 is not a valid domain"), failed);
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(1, failed.size(), "said once");
    assertEquals(List.of(), announced);
    assertFalse(Files.exists(file("resolv.conf")));
  }

  @Test
  void filesTheDiskRefusesAreAFailureFactNotADeadLetter() throws Exception {
    filesRoot = Files.writeString(dataRoot.resolve("not-a-folder"), "");
    dns = controller();
    dns.networkCreated(LOCALNET).await();
    dns.containerCreated(SETTINGS).await();
    dns.endpointJoined(endpoint(LOCALNET, "172.18.0.2")).await();
    dns.sandboxReady(C1).await();
    assertEquals(1, failed.size(), failed.toString());
    assertTrue(failed.get(0).startsWith("500 cannot write the DNS files of " + C1), failed.get(0));
    assertEquals(List.of(), announced);
  }

  @Test
  void aStateWriteThatFailsIsRetriable() {
    state.failNext(new IllegalStateException("hazelcast: operation timed out"));
    Throwable e = assertThrows(Throwable.class, () -> dns.containerCreated(SETTINGS).await());
    assertInstanceOf(BerthException.Unavailable.class, e);
    assertNull(dns.view().container(C1), "nothing applied");
  }
}
