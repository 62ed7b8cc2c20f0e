package io.berth.testing.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.EventCatalog;
import io.berth.events.Topics;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStopped;
import io.berth.kit.events.EventRouter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryEventBusTest {

  private static final String ID = "4f2c8a1be0d94c7fa3b61e5d2c9087f1a2b3c4d5e6f708192a3b4c5d6e7f8091";

  @Test
  void deliversToTheSubscribersOfTheEventsTopicAndRecordsWhatIsPublished() {
    MemoryEventBus bus = new MemoryEventBus();
    List<ContainerRemoved> removed = new ArrayList<>();
    bus.subscribe(Topics.CONTAINER_EVENTS, "g", EventRouter.forNode("n1").on(ContainerRemoved.class, r -> {
      removed.add(r);
      return bus.publish(io.berth.events.BerthEvents.create("urn:x", ID, new ContainerStopped(ID, "n1", 0)));
    }));
    assertTrue(bus.deliver(ID, new ContainerRemoved(ID, "n1", false)).succeeded());
    assertEquals(1, removed.size());
    assertEquals(List.of(EventCatalog.CONTAINER_STOPPED.type()), bus.publishedTypes());
    assertEquals(Topics.CONTAINER_EVENTS, bus.published().get(0).topic());
    assertEquals(List.of(new ContainerStopped(ID, "n1", 0)), bus.published(ContainerStopped.class));
  }

  @Test
  void aFailedPublishChangesNothing() {
    MemoryEventBus bus = new MemoryEventBus();
    bus.failNextPublish(new IllegalStateException("refused"));
    Future<Void> f = bus.publish(io.berth.events.BerthEvents.create("urn:x", ID, new ContainerStopped(ID, "n1", 0)));
    assertTrue(f.failed());
    assertTrue(bus.published().isEmpty());
  }

  @Test
  void theMemoryStoreKeepsJsonRoundTripsAndCanRefuseAWrite() {
    MemoryStateStore<ContainerStopped> store = new MemoryStateStore<>(ContainerStopped.class);
    store.put("a", new ContainerStopped(ID, "n1", 3));
    store.failNext(new IllegalStateException("refused"));
    assertTrue(store.put("b", new ContainerStopped(ID, "n1", 4)).failed());
    assertEquals(List.of("a"), store.ids());
    assertEquals(3, store.value("a").orElseThrow().exitCode());
    assertEquals(1, store.writes());
  }
}
