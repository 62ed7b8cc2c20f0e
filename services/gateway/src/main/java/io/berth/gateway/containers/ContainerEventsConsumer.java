package io.berth.gateway.containers;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.EventRouter;
import io.berth.kit.state.StateStore;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the container view of this node in step with the container lifecycle events producers publish
 * ({@code io.berth.container.created|started|stopped|removed} on {@code berth.container.events}); the kit's
 * {@link EventRouter} decodes them and leaves other nodes' containers alone. Each step checks the current state
 * first, so a redelivered event changes nothing.
 */
public final class ContainerEventsConsumer implements EventHandler {
  private final StateStore<ContainerView> store;
  private final String node;

  public ContainerEventsConsumer(StateStore<ContainerView> store, String node) {
    this.store = store;
    this.node = node;
  }

  @Override
  public Future<Void> handle(CloudEvent event) {
    // started/stopped record the event's time, which the router does not hand over with the data: a router per event
    // (four routes, cheap) binds it instead of a field shared by events handled side by side.
    String at = time(event);
    return EventRouter.forNode(node)
        .on(ContainerCreated.class, this::created)
        .on(ContainerStarted.class, s -> started(s, at))
        .on(ContainerStopped.class, s -> stopped(s, at))
        .on(ContainerRemoved.class, this::removed)
        .handle(event);
  }

  private Future<Void> created(ContainerCreated c) {
    return store.get(c.id()).compose(existing -> existing != null
        ? Future.succeededFuture()
        : store.put(c.id(), ContainerView.created(c)));
  }

  private Future<Void> started(ContainerStarted s, String at) {
    return store.get(s.id()).compose(c -> c == null || c.running()
        ? Future.succeededFuture()
        : store.put(s.id(), c.started(s.pid() == null ? 0 : s.pid(), at)));
  }

  private Future<Void> stopped(ContainerStopped s, String at) {
    return store.get(s.id()).compose(c -> c == null || "exited".equals(c.status())
        ? Future.succeededFuture()
        : store.put(s.id(), c.stopped(s.exitCode(), at)));
  }

  private Future<Void> removed(ContainerRemoved r) {
    return store.remove(r.id());
  }

  private static String time(CloudEvent event) {
    OffsetDateTime t = event.getTime() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.getTime();
    return t.atZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString();
  }
}
