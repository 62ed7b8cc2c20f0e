package io.berth.kit.events;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.events.NodeScoped;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way a service consumes events: routes each event by the record its type carries, decodes it, and leaves
 * other nodes' events alone, so no consumer switches on type strings or repeats the node check.
 *
 * <pre>{@code
 * EventRouter router = EventRouter.forNode(ctx.node())
 *     .on(ContainerCreated.class, this::created)
 *     .on(ContainerRemoved.class, this::removed);
 * ctx.events().subscribe(Topics.CONTAINER_EVENTS, group, router);
 * }</pre>
 *
 * <p>{@link #on} skips an event whose data is {@link NodeScoped} and names another node: each node does the host work
 * for its own resources only. {@link #onAnyNode} routes every node's events (cluster-wide facts such as a network of
 * another node that DNS follows). Types the router has no route for are taken as handled, so a newer producer's types
 * do not stop a partition. Data that does not decode fails the event, which the bus dead-letters: it is a poison
 * event, not a refused request.
 */
public final class EventRouter implements EventHandler {

  private record Route<T extends Record>(Class<T> type, boolean localOnly, Function<T, Future<Void>> handler) {
  }

  private final String node;
  private final Map<Class<? extends Record>, Route<?>> routes = new HashMap<>();

  private EventRouter(String node) {
    this.node = Objects.requireNonNull(node, "node");
  }

  /** A router for the services of {@code node}. */
  public static EventRouter forNode(String node) {
    return new EventRouter(node);
  }

  /** Routes events carrying {@code type} that are about this node (or about no node in particular) to {@code handler}. */
  public <T extends Record> EventRouter on(Class<T> type, Function<T, Future<Void>> handler) {
    return add(new Route<>(type, true, handler));
  }

  /** Routes every event carrying {@code type}, whichever node it is about, to {@code handler}. */
  public <T extends Record> EventRouter onAnyNode(Class<T> type, Function<T, Future<Void>> handler) {
    return add(new Route<>(type, false, handler));
  }

  /** The record classes this router has a route for. */
  public Set<Class<? extends Record>> routed() {
    return Set.copyOf(routes.keySet());
  }

  @Override
  public Future<Void> handle(CloudEvent event) {
    EventType type = EventCatalog.find(event.getType()).orElse(null);
    Route<?> route = type == null ? null : routes.get(type.dataClass());
    if (route == null) {
      return Future.succeededFuture();
    }
    try {
      return dispatch(route, event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private <T extends Record> Future<Void> dispatch(Route<T> route, CloudEvent event) {
    T data = BerthEvents.data(event, route.type());
    if (route.localOnly() && data instanceof NodeScoped scoped && scoped.node() != null
        && !node.equals(scoped.node())) {
      return Future.succeededFuture();
    }
    Future<Void> result = route.handler().apply(data);
    return result != null ? result : Future.failedFuture(new IllegalStateException(
        "the handler of " + event.getType() + " returned no future"));
  }

  private EventRouter add(Route<?> route) {
    if (EventCatalog.forDataClass(route.type()).isEmpty()) {
      throw new IllegalArgumentException("no event type carries " + route.type().getSimpleName());
    }
    if (routes.putIfAbsent(route.type(), route) != null) {
      throw new IllegalArgumentException(route.type().getSimpleName() + " is routed twice");
    }
    return this;
  }
}
