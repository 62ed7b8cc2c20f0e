package io.berth.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStopped;
import io.berth.events.volume.VolumesPruned;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRouterTest {

  private static final String ID = "4f2c8a1be0d94c7fa3b61e5d2c9087f1a2b3c4d5e6f708192a3b4c5d6e7f8091";

  private final List<Record> seen = new ArrayList<>();

  private Future<Void> record(Record r) {
    seen.add(r);
    return Future.succeededFuture();
  }

  @Test
  void routesByRecordAndSkipsOtherNodes() {
    EventRouter router = EventRouter.forNode("n1").on(ContainerRemoved.class, this::record);
    router.handle(BerthEvents.create("urn:x", ID, new ContainerRemoved(ID, "n1", true)));
    router.handle(BerthEvents.create("urn:x", ID, new ContainerRemoved(ID, "n2", true)));
    assertEquals(List.of(new ContainerRemoved(ID, "n1", true)), seen);
  }

  @Test
  void onAnyNodeSeesEveryNode() {
    EventRouter router = EventRouter.forNode("n1").onAnyNode(VolumesPruned.class, this::record);
    router.handle(BerthEvents.create("urn:x", "n2", new VolumesPruned("n2", List.of(), 0L)));
    assertEquals(1, seen.size());
  }

  @Test
  void typesWithoutARouteAreHandledWithoutDecoding() {
    EventRouter router = EventRouter.forNode("n1").on(ContainerRemoved.class, this::record);
    CloudEvent stopped = BerthEvents.create("urn:x", ID, new ContainerStopped(ID, "n1", 0));
    assertTrue(router.handle(stopped).succeeded());
    CloudEvent unknown = CloudEventBuilder.v1().withId("1").withType("io.berth.future.thing.happened")
        .withSource(URI.create("urn:x")).withData("{}".getBytes(StandardCharsets.UTF_8)).build();
    assertTrue(router.handle(unknown).succeeded());
    assertTrue(seen.isEmpty());
  }

  @Test
  void dataThatDoesNotDecodeFailsTheEventSoTheBusDeadLettersIt() {
    EventRouter router = EventRouter.forNode("n1").on(ContainerRemoved.class, this::record);
    CloudEvent poison = CloudEventBuilder.v1().withId("1").withType(EventCatalog.CONTAINER_REMOVED.type())
        .withSource(URI.create("urn:x")).withDataContentType(BerthEvents.JSON)
        .withData("{\"id\": 7}".getBytes(StandardCharsets.UTF_8)).build();
    Future<Void> f = router.handle(poison);
    assertTrue(f.failed());
    assertInstanceOf(IllegalArgumentException.class, f.cause());
    assertTrue(!RetryPolicy.isRetriable(f.cause()));
  }

  @Test
  void aHandlerThatThrowsFailsTheEvent() {
    EventRouter router = EventRouter.forNode("n1").on(ContainerRemoved.class, r -> {
      throw new IllegalStateException("boom");
    });
    Future<Void> f = router.handle(BerthEvents.create("urn:x", ID, new ContainerRemoved(ID, "n1", true)));
    assertEquals("boom", f.cause().getMessage());
  }

  @Test
  void aRenamedTypeReachesTheRouteOfItsRecord() {
    List<Record> attached = new ArrayList<>();
    EventRouter router = EventRouter.forNode("n1").on(io.berth.events.logging.LoggingAttached.class, r -> {
      attached.add(r);
      return Future.succeededFuture();
    });
    var data = new io.berth.events.logging.LoggingAttached(ID, "n1", "/run/a", null, "json-file");
    CloudEvent old = BerthEvents.create("io.berth.logging.attached", "urn:x", ID, data);
    assertTrue(router.handle(old).succeeded());
    assertEquals(List.of(data), attached);
  }

  @Test
  void aRecordIsRoutedOnce() {
    EventRouter router = EventRouter.forNode("n1").on(ContainerRemoved.class, this::record);
    assertThrows(IllegalArgumentException.class, () -> router.on(ContainerRemoved.class, this::record));
  }
}
