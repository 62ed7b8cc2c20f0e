package io.berth.testing.fakes;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.kit.events.EventBus;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.Subscription;
import io.berth.kit.events.TopicResolver;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EventBus} in memory, for unit tests of controllers and consumers: publishing records the event (and its
 * topic), and {@link #deliver} hands an event to the handlers subscribed to its topic, as Kafka would, one at a time.
 * Nothing is delivered by itself: a test drives the order of events, which is what order-sensitive tests need.
 * {@link #failNextPublish} makes the next publish fail, as Kafka refusing a record would.
 */
public final class MemoryEventBus implements EventBus {

  /** One published event and the topic it went to. */
  public record Published(String topic, CloudEvent event) {
  }

  private final TopicResolver topics = TopicResolver.byDomain();
  private final List<Published> published = new CopyOnWriteArrayList<>();
  private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();
  private volatile RuntimeException nextFailure;

  @Override
  public Future<Void> publish(CloudEvent event) {
    return publish(topicOf(event), event);
  }

  @Override
  public Future<Void> publish(String topic, CloudEvent event) {
    RuntimeException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      return Future.failedFuture(failure);
    }
    published.add(new Published(topic, event));
    return Future.succeededFuture();
  }

  @Override
  public Future<Subscription> subscribe(String topic, String group, EventHandler handler) {
    handlers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(handler);
    return Future.succeededFuture(new Subscription() {
      @Override public String topic() { return topic; }
      @Override public String group() { return group; }
      @Override public Future<Void> close() {
        handlers.getOrDefault(topic, List.of()).remove(handler);
        return Future.succeededFuture();
      }
    });
  }

  @Override
  public Future<Void> close() {
    handlers.clear();
    return Future.succeededFuture();
  }

  /**
   * Hands {@code event} to every handler subscribed to its topic, one after the other; completes when all have, or
   * fails with the first failure (which the real bus would retry or dead-letter).
   */
  public Future<Void> deliver(CloudEvent event) {
    Future<Void> chain = Future.succeededFuture();
    for (EventHandler h : handlers.getOrDefault(topicOf(event), List.of())) {
      chain = chain.compose(x -> {
        try {
          return h.handle(event);
        } catch (RuntimeException e) {
          return Future.failedFuture(e);
        }
      });
    }
    return chain;
  }

  /** Builds an event of {@code data}'s type and {@link #deliver}s it. */
  public Future<Void> deliver(String key, Record data) {
    return deliver(BerthEvents.create("urn:berth:test", key, data));
  }

  /** Every event published so far, in order. */
  public List<Published> published() {
    return List.copyOf(published);
  }

  /** The data of every published event carrying {@code type}, in order. */
  public <T extends Record> List<T> published(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Published p : published) {
      EventType t = EventCatalog.find(p.event().getType()).orElse(null);
      if (t != null && t.dataClass() == type) {
        out.add(BerthEvents.data(p.event(), type));
      }
    }
    return out;
  }

  /** The types of the events published so far, in order. */
  public List<String> publishedTypes() {
    return published.stream().map(p -> p.event().getType()).toList();
  }

  /** Forgets what was published. */
  public void clear() {
    published.clear();
  }

  /** Makes the next publish fail with {@code failure}. */
  public void failNextPublish(RuntimeException failure) {
    nextFailure = failure;
  }

  private String topicOf(CloudEvent event) {
    return EventCatalog.find(event.getType()).map(EventType::topic).orElseGet(() -> topics.topicFor(event));
  }
}
