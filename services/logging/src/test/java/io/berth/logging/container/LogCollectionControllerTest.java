package io.berth.logging.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.LogConfig;
import io.berth.events.container.Stdio;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LoggingAttached;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.events.DropReporter;
import io.berth.logging.events.LoggingEventsPublisher;
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
  private static final String ATTACHED = "io.berth.logging.attached";
  private static final String REJECTED = "io.berth.logging.config.rejected";
  private static final Path DATA = Path.of("/data-root");
  private static Vertx vertx;

  private final ContainerRegistry registry = new ContainerRegistry();
  private final MemoryCollectionHost host = new MemoryCollectionHost();
  private final MemoryCollectedContainers state = new MemoryCollectedContainers();
  private final RecordingEventBus bus = new RecordingEventBus();
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
        state, publisher, new DropReporter(vertx, publisher, new SimpleMeterRegistry(), NODE));
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
    LoggingAttached a = bus.only(ATTACHED, LoggingAttached.class);
    assertEquals(new LoggingAttached(c.id(), NODE, dir.resolve("stdout.fifo").toString(),
        dir.resolve("stderr.fifo").toString(), "json-file"), a);
    assertEquals(new CollectedContainer(c.id(), NODE, c, false), state.byId.get(c.id()));
  }

  @Test
  void theProducersStdioIsReadAsItIsAndATtyHasOneStream() {
    ContainerCreated c = created("a2", new LogConfig("local", Map.of()), new Stdio("/run/x/out", null), true);

    await(controller.attach(c));

    assertTrue(host.fifoDirs.isEmpty(), "no FIFOs when the producer names its own");
    LoggingAttached a = bus.only(ATTACHED, LoggingAttached.class);
    assertEquals("/run/x/out", a.stdoutPath());
    assertNull(a.stderrPath());
    assertEquals("local", a.driver());
  }

  @Test
  void anInvalidConfigIsRejectedAndNothingIsCollected() {
    ContainerCreated c = created("b1", new LogConfig("nope", Map.of()), null, false);

    await(controller.attach(c));

    LogConfigRejected r = bus.only(REJECTED, LogConfigRejected.class);
    assertEquals(new LogConfigRejected(c.id(), NODE, "nope", "logger: no log driver named 'nope' is registered"), r);
    assertEquals(List.of(REJECTED), bus.types());
    assertTrue(host.fifoDirs.isEmpty() && host.opened.isEmpty() && host.collecting.isEmpty());
    assertTrue(state.byId.isEmpty());
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
        bus.only(REJECTED, LogConfigRejected.class).message());
    assertTrue(registry.get(c.id()).isEmpty());
    assertTrue(state.byId.isEmpty());
  }

  @Test
  void aReplayedCreatedOpensNothingMore() {
    ContainerCreated c = created("c1", LogConfig.NODE_DEFAULT, null, false);

    await(controller.attach(c));
    await(controller.attach(c));

    assertEquals(List.of(c.id()), host.opened);
    assertEquals(List.of(ATTACHED), bus.types());
    assertEquals(1, state.puts.get());
  }

  @Test
  void stoppedDrainsAndStartedCollectsAgainAndBothAreRemembered() {
    ContainerCreated c = created("d1", LogConfig.NODE_DEFAULT, null, false);
    await(controller.attach(c));

    await(controller.stopped(c.id()));
    assertEquals(List.of(c.id()), host.drained);
    assertTrue(registry.get(c.id()).orElseThrow().producerGone(), "followers end");
    assertTrue(state.byId.get(c.id()).stopped());

    await(controller.stopped(c.id()));
    assertEquals(List.of(c.id(), c.id()), host.drained, "a replayed stop drains what is (not) left, harmlessly");

    await(controller.started(c.id()));
    assertEquals(List.of(c.id(), c.id()), host.collecting);
    assertFalse(state.byId.get(c.id()).stopped());
  }

  @Test
  void eventsOfUnknownContainersChangeNothing() {
    await(controller.started("f".repeat(64)));
    await(controller.stopped("f".repeat(64)));
    await(controller.removed("f".repeat(64)));

    assertTrue(host.collecting.isEmpty() && host.drained.isEmpty() && host.closed.isEmpty());
    assertTrue(bus.published.isEmpty());
  }

  @Test
  void removedClosesTheDriverAndForgetsTheContainerOnceOnly() {
    ContainerCreated c = created("e1", LogConfig.NODE_DEFAULT, null, false);
    await(controller.attach(c));

    await(controller.removed(c.id()));
    await(controller.removed(c.id()));

    assertEquals(List.of(c.id()), host.closed);
    assertTrue(registry.get(c.id()).isEmpty());
    assertTrue(state.byId.isEmpty());
    assertThrows(BerthException.NotFound.class, () -> registry.resolve(c.id()));
  }

  @Test
  void restoreReattachesThisNodesContainersAndDrainsTheStoppedOnes() {
    ContainerCreated running = created("1a", LogConfig.NODE_DEFAULT, null, false);
    ContainerCreated stopped = created("2a", LogConfig.NODE_DEFAULT, null, false);
    ContainerCreated elsewhere = created("3a", LogConfig.NODE_DEFAULT, null, false);
    state.byId.put(running.id(), new CollectedContainer(running.id(), NODE, running, false));
    state.byId.put(stopped.id(), new CollectedContainer(stopped.id(), NODE, stopped, true));
    state.byId.put(elsewhere.id(), new CollectedContainer(elsewhere.id(), "n2", elsewhere, false));

    await(controller.restore());

    assertEquals(List.of(running.id(), stopped.id()), host.opened.stream().sorted().toList());
    assertEquals(List.of(stopped.id()), host.drained);
    assertTrue(registry.get(elsewhere.id()).isEmpty(), "another node's container is not this node's to collect");
    assertEquals(0, state.puts.get(), "restoring writes nothing");
    assertEquals(List.of(ATTACHED, ATTACHED), bus.types());

    await(controller.attach(running));
    assertEquals(2, host.opened.size(), "the replayed created of a restored container opens nothing");
  }

  private static ContainerCreated created(String tag, LogConfig log, Stdio stdio, boolean tty) {
    String id = (tag + "0".repeat(64)).substring(0, 64);
    return new ContainerCreated(id, "web-" + tag, NODE, "alpine", null, null, "2026-12-02T18:00:00Z", Map.of(),
        null, null, List.of(), List.of(), false, List.of(), List.of(), null, log, stdio, tty, null, List.of(), false,
        List.of(), null);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
