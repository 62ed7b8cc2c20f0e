package io.berth.gateway.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.testing.fakes.MemoryStateStore;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;

/** The container view follows the lifecycle of this node's containers only, and a redelivery changes nothing. */
class ContainerEventsConsumerTest {
  static final String ID = "ab" + "1".repeat(62);
  final MemoryStateStore<ContainerView> store = new MemoryStateStore<>(ContainerView.class);
  final ContainerEventsConsumer consumer = new ContainerEventsConsumer(store, "n1");

  private void deliver(CloudEvent event) {
    consumer.handle(event).await();
  }

  private static CloudEvent created(String node) {
    ContainerView v = ContainerLookupTest.view(ID, "c1");
    var spec = v.spec();
    return BerthEvents.create(EventCatalog.CONTAINER_CREATED, "test", ID, new io.berth.events.container.ContainerCreated(
        spec.id(), spec.name(), node, spec.image(), null, null, spec.createdAt(), null, null, null, null, null, false,
        null, null, null, null, null, false, null, null, false, null, null));
  }

  @Test
  void followsTheLifecycleOfThisNodesContainers() {
    deliver(created("n1"));
    assertEquals("created", store.get(ID).await().status());
    deliver(BerthEvents.create(EventCatalog.CONTAINER_STARTED, "test", ID, new ContainerStarted(ID, "n1", 42)));
    assertEquals(42, store.get(ID).await().pid());
    deliver(BerthEvents.create(EventCatalog.CONTAINER_STOPPED, "test", ID, new ContainerStopped(ID, "n1", 3)));
    assertEquals("exited", store.get(ID).await().status());
    assertEquals(3, store.get(ID).await().exitCode());
    deliver(BerthEvents.create(EventCatalog.CONTAINER_REMOVED, "test", ID, new ContainerRemoved(ID, "n1", false)));
    assertNull(store.get(ID).await());
  }

  @Test
  void anotherNodesContainersAreLeftAlone() {
    deliver(created("n2"));
    assertNull(store.get(ID).await());
  }

  @Test
  void aRedeliveredStartChangesNothing() {
    deliver(created("n1"));
    CloudEvent started = BerthEvents.create(EventCatalog.CONTAINER_STARTED, "test", ID, new ContainerStarted(ID, "n1", 42));
    deliver(started);
    String at = store.get(ID).await().startedAt();
    deliver(started);
    assertEquals(at, store.get(ID).await().startedAt());
  }
}
