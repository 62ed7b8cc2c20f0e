package io.berth.network.events;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.network.sandbox.SandboxSetup;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container lifecycle for this node on {@code berth.container.events}: {@code created} sets the sandbox up
 * (namespace, endpoints, ports) and announces it ready; {@code removed} tears it down. {@code started} and
 * {@code stopped} change nothing (the sandbox lives from create to remove, as Docker's does while the container
 * exists). Replays are idempotent: an existing sandbox is not made twice, a missing one is not removed twice.
 */
public final class ContainerEventsConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEventsConsumer.class);

  private final SandboxSetup sandboxes;
  private final String node;

  public ContainerEventsConsumer(SandboxSetup sandboxes, String node) {
    this.sandboxes = sandboxes;
    this.node = node;
  }

  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case "io.berth.container.created" -> created(BerthEvents.data(event, ContainerCreated.class));
      case "io.berth.container.removed" -> removed(BerthEvents.data(event, ContainerRemoved.class));
      case "io.berth.container.started" -> {
        ContainerStarted s = BerthEvents.data(event, ContainerStarted.class);
        LOG.debug("container {} started on {}", s.id(), s.node());
        yield Future.succeededFuture();
      }
      case "io.berth.container.stopped" -> {
        ContainerStopped s = BerthEvents.data(event, ContainerStopped.class);
        LOG.debug("container {} stopped on {}", s.id(), s.node());
        yield Future.succeededFuture();
      }
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> created(ContainerCreated c) {
    if (!node.equals(c.node())) {
      return Future.succeededFuture();
    }
    return sandboxes.create(c).<Void>mapEmpty().onFailure(e ->
        LOG.warn("sandbox for container {} ({}) failed: {}", c.name(), c.id(), e.getMessage()));
  }

  private Future<Void> removed(ContainerRemoved r) {
    if (!node.equals(r.node())) {
      return Future.succeededFuture();
    }
    return sandboxes.remove(r.id()).onFailure(e ->
        LOG.warn("sandbox of container {} removed with errors: {}", r.id(), e.getMessage()));
  }
}
