package io.berth.network.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.EventRouter;
import io.berth.kit.events.Retriable;
import io.berth.network.sandbox.SandboxSetup;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container lifecycle for this node on {@code berth.container.events}: {@code created} sets the sandbox up
 * (namespace, endpoints, ports) and announces it ready, or announces {@code sandbox.failed}; {@code removed} tears it
 * down. {@code started} and {@code stopped} change nothing (the sandbox lives from create to remove, as Docker's does
 * while the container exists). Replays are idempotent: an existing sandbox is not made twice, a missing one is not
 * removed twice.
 *
 * <p>A set-up refused or failed for good is handled (its fact is published), so it is not dead-lettered; only a
 * transient failure ({@link Retriable#isRetriable}, anywhere in its causes) fails the event, which the bus retries. A removal
 * with errors is logged: the sandbox is gone from the state and retrying would not bring back what failed.
 */
public final class ContainerEventsConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEventsConsumer.class);

  private final SandboxSetup sandboxes;
  private final EventRouter router;

  public ContainerEventsConsumer(SandboxSetup sandboxes, String node) {
    this.sandboxes = sandboxes;
    this.router = EventRouter.forNode(node)
        .on(ContainerCreated.class, this::created)
        .on(ContainerRemoved.class, this::removed);
  }

  /** The handler to subscribe with. */
  public EventHandler handler() {
    return router;
  }

  private Future<Void> created(ContainerCreated c) {
    return sandboxes.create(c).<Void>mapEmpty().recover(e -> {
      if (Retriable.isRetriable(e)) {
        return Future.failedFuture(e);
      }
      LOG.warn("sandbox for container {} ({}) failed: {}", c.name(), c.id(), e.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> removed(ContainerRemoved r) {
    return sandboxes.remove(r.id()).recover(e -> {
      if (Retriable.isRetriable(e)) {
        return Future.failedFuture(e);
      }
      LOG.warn("sandbox of container {} removed with errors: {}", r.id(), e.getMessage());
      return Future.succeededFuture();
    });
  }
}
