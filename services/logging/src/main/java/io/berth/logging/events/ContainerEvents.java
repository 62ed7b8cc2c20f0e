package io.berth.logging.events;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.logging.container.LogCollectionController;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/**
 * Container lifecycle on {@code berth.container.events} → {@link LogCollectionController}: decodes the event and
 * hands this node's containers to the controller (created → attach, started, stopped, removed).
 */
public final class ContainerEvents {
  private final String node;
  private final LogCollectionController controller;

  public ContainerEvents(String node, LogCollectionController controller) {
    this.node = node;
    this.controller = controller;
  }

  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case "io.berth.container.created" -> {
        ContainerCreated c = BerthEvents.data(event, ContainerCreated.class);
        yield local(c.node()) ? controller.attach(c) : Future.succeededFuture();
      }
      case "io.berth.container.started" -> {
        ContainerStarted s = BerthEvents.data(event, ContainerStarted.class);
        yield local(s.node()) ? controller.started(s.id()) : Future.succeededFuture();
      }
      case "io.berth.container.stopped" -> {
        ContainerStopped s = BerthEvents.data(event, ContainerStopped.class);
        yield local(s.node()) ? controller.stopped(s.id()) : Future.succeededFuture();
      }
      case "io.berth.container.removed" -> {
        ContainerRemoved r = BerthEvents.data(event, ContainerRemoved.class);
        yield local(r.node()) ? controller.removed(r.id()) : Future.succeededFuture();
      }
      default -> Future.succeededFuture();
    };
  }

  private boolean local(String eventNode) {
    return eventNode == null || eventNode.equals(node);
  }
}
