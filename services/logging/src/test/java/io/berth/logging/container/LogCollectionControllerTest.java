package io.berth.logging.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.EventCatalog;
import io.berth.events.Topics;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStopped;
import io.berth.events.container.LogConfig;
import io.berth.events.container.Stdio;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LoggingAttached;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.events.ContainerEventsConsumer;
import io.berth.logging.events.DropReporter;
import io.berth.logging.events.LoggingEventsPublisher;
import io.berth.testing.fakes.MemoryEventBus;
import io.berth.testing.fakes.MemoryStateStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller against in-memory host, state and bus: no root, Kafka or Hazelcast. */
class LogCollectionControllerTest {
  private static final String NODE = "n1";
  private static final String ATTACHED = EventCatalog.LOGGING_ATTACHED.type();
  private static final String REJECTED = EventCatalog.LOG_CONFIG_REJECTED.type();
  private static final Path DATA = Path.of("/data-root");
  private static Vertx vertx;

  private final ContainerRegistry registry = new ContainerRegistry();
  private final MemoryCollectionHost host = new MemoryCollectionHost();
  private final MemoryStateStore<CollectedContainer> state = new MemoryStateStore<>(CollectedContainer.class);
  private final MemoryEventBus bus = new MemoryEventBus();
  private LogCollectionController controller;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close();
  }

  @BeforeEach
  void controller() {
    DaemonConfig config = DaemonConfig.of(new JsonObject().put("node-name", NODE).put("data-root", DATA.toString())
        .put("log-opts", new JsonObject().put("max-size", "10m")));
    LoggingEventsPublisher publisher = new LoggingEventsPublisher(bus, NODE);
    controller = new LogCollectionController(config, registry, host, new HostOps(vertx, OpenTelemetry.noop()),
        state, publisher, new DropReporter(vertx.getOrCreateContext(), publisher, new SimpleMeterRegistry(), NODE));
  }

  @Test
  void aValidConfigIsCollectedFromNewFifosAndAnnounced() {
    ContainerCreated c = created("a1", new LogConfig("", Map.of()), null, false);

    await(controller.attach(c));

    Path dir = DATA.resolve("containers").resolve(c.id());
    assertEquals(List.of(dir), host.fifoDirs);
    assertEquals(List.of(c.id()), host.collecting);
    assertEquals(Map.of("max-size", "10m"), registry.get(c.id()).orElseThrow().config().options(),
        "the daemon's log-opts fill a container that uses the daemon's driver");
    LoggingAttached a = only(LoggingAttached.class);
    assertEquals(new LoggingAttached(c.id(), NODE, dir.resolve("stdout.fifo").toString(),
        dir.resolve("stderr.fifo").toString(), "json-file"), a);
    assertEquals(new CollectedContainer(c.id(), NODE, c, false), state.value(c.id()).orElseThrow());
  }

  @Test
  void theProducersStdioIsReadAsItIsAndATtyHasOneStream() {
    ContainerCreated c = created("a2", new LogConfig("local", Map.of()), new Stdio("/run/x/out", null), true);

    await(controller.attach(c));

    assertTrue(host.fifoDirs.isEmpty(), "no FIFOs when the producer names its own");
    LoggingAttached a = only(LoggingAttached.class);
    assertEquals("/run/x/out", a.stdoutPath());
    assertNull(a.stderrPath());
    assertEquals("local", a.driver());
  }

  @Test
  void anInvalidConfigIsRejectedAndNothingIsCollected() {
    ContainerCreated c = created("b1", new LogConfig("nope", Map.of()), null, false);

    await(controller.attach(c));

    LogConfigRejected r = only(LogConfigRejected.class);
    assertEquals(new LogConfigRejected(c.id(), NODE, "nope", "logger: no log driver named 'nope' is registered"), r);
    assertEquals(List.of(REJECTED), bus.publishedTypes());
    assertTrue(host.fifoDirs.isEmpty() && host.opened.isEmpty() && host.collecting.isEmpty());
    assertTrue(state.ids().isEmpty());
    BerthException.InvalidRequest e = assertThrows(BerthException.InvalidRequest.class, () -> registry.resolve("web-b1"));
    assertEquals(r.message(), e.getMessage(), "the logs endpoint answers with the same message");
  }

  @Test
  void aDriverThatRefusesToOpenIsRejectedToo() {
    host.refusing.add("splunk");
    ContainerCreated c = created("b2", new LogConfig("splunk",
        Map.of("splunk-url", "http://127.0.0.1:1", "splunk-token", "t", "splunk-verify-connection", "false")), null, false);

    await(controller.attach(c));

    assertEquals("splunk: failed to verify connection - 503 - down",
        only(LogConfigRejected.class).message());
    assertTrue(registry.get(c.id()).isEmpty());
    assertTrue(state.ids().isEmpty());
  }

  @Test
  void aReplayedCreatedOpensNothingMore() {
    ContainerCreated c = created("c1", LogConfig.NODE_DEFAULT, null, false);

    await(controller.attach(c));
    await(controller.attach(c));

    assertEquals(List.of(c.id()), host.opened);
    assertEquals(1, state.writes());
    assertEquals(List.of(ATTACHED, ATTACHED), bus.publishedTypes(), "the replay gets the same answer again");
    assertEquals(bus.published(LoggingAttached.class).get(0), bus.published(LoggingAttached.class).get(1));
  }

  @Test
  void theRetryOfAnAttachWhoseStoreFailedStoresAndAnnounces() {
    ContainerCreated c = created("c2", LogConfig.NODE_DEFAULT, null, false);
    state.failNext(new BerthException.Unavailable("berth.logging.state: not ready"));

    assertThrows(AssertionError.class, () -> await(controller.attach(c)), "the kit retries a transient failure");
    assertTrue(bus.published().isEmpty());

    await(controller.attach(c));
    assertEquals(List.of(c.id()), host.opened, "the retry opens nothing again");
    assertEquals(new CollectedContainer(c.id(), NODE, c, false), state.value(c.id()).orElseThrow());
    assertEquals(c.id(), only(LoggingAttached.class).containerId());
  }

  @Test
  void theRetryOfAnAttachWhosePublishFailedAnnounces() {
    ContainerCreated c = created("c3", LogConfig.NODE_DEFAULT, null, false);
    bus.failNextPublish(new BerthException.Unavailable("berth.logging.events: not ready"));

    assertThrows(AssertionError.class, () -> await(controller.attach(c)));
    await(controller.attach(c));

    assertEquals(c.id(), only(LoggingAttached.class).containerId());
    assertEquals(1, state.writes());
  }

  @Test
  void stoppedDrainsAndStartedCollectsAgainAndBothAreRemembered() {
    ContainerCreated c = created("d1", LogConfig.NODE_DEFAULT, null, false);
    await(controller.attach(c));

    await(controller.stopped(c.id()));
    assertEquals(List.of(c.id()), host.drained);
    assertTrue(registry.get(c.id()).orElseThrow().producerGone(), "followers end");
    assertTrue(state.value(c.id()).orElseThrow().stopped());

    await(controller.stopped(c.id()));
    assertEquals(List.of(c.id(), c.id()), host.drained, "a replayed stop drains what is (not) left, harmlessly");

    await(controller.started(c.id()));
    assertEquals(List.of(c.id(), c.id()), host.collecting);
    assertFalse(state.value(c.id()).orElseThrow().stopped());
  }

  @Test
  void eventsOfUnknownContainersChangeNothing() {
    await(controller.started("f".repeat(64)));
    await(controller.stopped("f".repeat(64)));
    await(controller.removed("f".repeat(64)));

    assertTrue(host.collecting.isEmpty() && host.drained.isEmpty() && host.closed.isEmpty());
    assertTrue(bus.published().isEmpty());
  }

  @Test
  void theConsumerHandsOnlyThisNodesContainersToTheController() {
    await(bus.subscribe(Topics.CONTAINER_EVENTS, "berth-logging-" + NODE, ContainerEventsConsumer.router(NODE, controller)));
    ContainerCreated mine = created("5a", LogConfig.NODE_DEFAULT, null, false);
    ContainerCreated theirs = withNode(created("5b", LogConfig.NODE_DEFAULT, null, false), "n2");

    await(bus.deliver(mine.id(), mine));
    await(bus.deliver(theirs.id(), theirs));
    await(bus.deliver(mine.id(), new ContainerStopped(mine.id(), "n2", 0)));
    await(bus.deliver(mine.id(), new ContainerRemoved(mine.id(), "n2", false)));

    assertEquals(List.of(mine.id()), host.opened);
    assertTrue(host.drained.isEmpty() && host.closed.isEmpty(), "another node's stop and remove are not ours");

    await(bus.deliver(mine.id(), new ContainerStopped(mine.id(), NODE, 0)));
    await(bus.deliver(mine.id(), new ContainerRemoved(mine.id(), NODE, false)));
    assertEquals(List.of(mine.id()), host.drained);
    assertEquals(List.of(mine.id()), host.closed);
  }

  @Test
  void removedClosesTheDriverAndForgetsTheContainerOnceOnly() {
    ContainerCreated c = created("e1", LogConfig.NODE_DEFAULT, null, false);
    await(controller.attach(c));

    await(controller.removed(c.id()));
    await(controller.removed(c.id()));

    assertEquals(List.of(c.id()), host.closed);
    assertTrue(registry.get(c.id()).isEmpty());
    assertTrue(state.ids().isEmpty());
    assertThrows(BerthException.NotFound.class, () -> registry.resolve(c.id()));
  }

  @Test
  void restoreReattachesThisNodesContainersAndDrainsTheStoppedOnes() {
    ContainerCreated running = created("1a", LogConfig.NODE_DEFAULT, null, false);
    ContainerCreated stopped = created("2a", LogConfig.NODE_DEFAULT, null, false);
    ContainerCreated elsewhere = created("3a", LogConfig.NODE_DEFAULT, null, false);
    await(state.put(running.id(), new CollectedContainer(running.id(), NODE, running, false)));
    await(state.put(stopped.id(), new CollectedContainer(stopped.id(), NODE, stopped, true)));
    await(state.put(elsewhere.id(), new CollectedContainer(elsewhere.id(), "n2", elsewhere, false)));
    int stored = state.writes();

    await(controller.restore());

    assertEquals(List.of(running.id(), stopped.id()), host.opened.stream().sorted().toList());
    assertEquals(List.of(stopped.id()), host.drained);
    assertTrue(registry.get(elsewhere.id()).isEmpty(), "another node's container is not this node's to collect");
    assertEquals(stored, state.writes(), "restoring writes nothing");
    assertEquals(List.of(ATTACHED, ATTACHED), bus.publishedTypes());

    await(controller.attach(running));
    assertEquals(2, host.opened.size(), "the replayed created of a restored container opens nothing");
  }

  private static ContainerCreated created(String tag, LogConfig log, Stdio stdio, boolean tty) {
    String id = (tag + "0".repeat(64)).substring(0, 64);
    return new ContainerCreated(id, "web-" + tag, NODE, "alpine", null, null, "2026-12-02T18:00:00Z", Map.of(),
        null, null, List.of(), List.of(), false, List.of(), List.of(), null, log, stdio, tty, null, List.of(), false,
        List.of(), null);
  }

  private <T extends Record> T only(Class<T> type) {
    List<T> of = bus.published(type);
    assertEquals(1, of.size(), "one " + type.getSimpleName() + " expected; published " + bus.publishedTypes());
    return of.get(0);
  }

  private static ContainerCreated withNode(ContainerCreated c, String node) {
    return new ContainerCreated(c.id(), c.name(), node, c.image(), c.hostname(), c.domainname(), c.createdAt(),
        c.labels(), c.sandboxKey(), c.networkMode(), c.networks(), c.portBindings(), c.publishAllPorts(), c.mounts(),
        c.anonymousVolumes(), c.volumeDriver(), c.logConfig(), c.stdio(), c.tty(), c.dns(), c.extraHosts(),
        c.autoRemove(), c.env(), c.task());
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
