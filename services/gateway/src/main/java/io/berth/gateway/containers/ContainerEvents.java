package io.berth.gateway.containers;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.kit.state.StateStore;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the container view of this node in step with the container lifecycle events producers publish. Each step
 * checks the current state first, so a redelivered event changes nothing.
 */
public final class ContainerEvents {
  private final StateStore<ContainerView> store;
  private final String node;

  public ContainerEvents(StateStore<ContainerView> store, String node) {
    this.store = store;
    this.node = node;
  }

  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case "io.berth.container.created" -> created(BerthEvents.data(event, ContainerCreated.class));
      case "io.berth.container.started" -> started(BerthEvents.data(event, ContainerStarted.class), time(event));
      case "io.berth.container.stopped" -> stopped(BerthEvents.data(event, ContainerStopped.class), time(event));
      case "io.berth.container.removed" -> removed(BerthEvents.data(event, ContainerRemoved.class));
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> created(ContainerCreated c) {
    if (!node.equals(c.node())) return Future.succeededFuture();
    return store.get(c.id()).compose(existing -> existing != null
        ? Future.succeededFuture()
        : store.put(c.id(), ContainerView.created(c)));
  }

  private Future<Void> started(ContainerStarted s, String at) {
    if (!node.equals(s.node())) return Future.succeededFuture();
    return store.get(s.id()).compose(c -> c == null || c.running()
        ? Future.succeededFuture()
        : store.put(s.id(), c.started(s.pid() == null ? 0 : s.pid(), at)));
  }

  private Future<Void> stopped(ContainerStopped s, String at) {
    if (!node.equals(s.node())) return Future.succeededFuture();
    return store.get(s.id()).compose(c -> c == null || "exited".equals(c.status())
        ? Future.succeededFuture()
        : store.put(s.id(), c.stopped(s.exitCode(), at)));
  }

  private Future<Void> removed(ContainerRemoved r) {
    if (!node.equals(r.node())) return Future.succeededFuture();
    return store.remove(r.id());
  }

  private static String time(CloudEvent event) {
    OffsetDateTime t = event.getTime() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.getTime();
    return t.atZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString();
  }
}
