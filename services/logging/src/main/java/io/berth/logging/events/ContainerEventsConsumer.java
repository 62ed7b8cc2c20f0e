package io.berth.logging.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.kit.events.EventRouter;
import io.berth.logging.container.LogCollectionController;

/**
 * Container lifecycle on {@code berth.container.events} → {@link LogCollectionController}: created → attach,
 * started, stopped, removed, for this node's containers (the router's node check, as in every service).
 */
public final class ContainerEventsConsumer {
  private ContainerEventsConsumer() {}

  public static EventRouter router(String node, LogCollectionController controller) {
    return EventRouter.forNode(node)
        .on(ContainerCreated.class, controller::attach)
        .on(ContainerStarted.class, s -> controller.started(s.id()))
        .on(ContainerStopped.class, s -> controller.stopped(s.id()))
        .on(ContainerRemoved.class, r -> controller.removed(r.id()));
  }
}
