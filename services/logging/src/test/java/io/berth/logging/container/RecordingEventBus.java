package io.berth.logging.container;

import io.berth.events.BerthEvents;
import io.berth.kit.events.EventBus;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.Subscription;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EventBus} that keeps what was published. */
final class RecordingEventBus implements EventBus {
  final List<CloudEvent> published = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> publish(CloudEvent event) {
    published.add(event);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> publish(String topic, CloudEvent event) {
    return publish(event);
  }

  @Override
  public Future<Subscription> subscribe(String topic, String group, EventHandler handler) {
    throw new UnsupportedOperationException("publishing only");
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  List<String> types() {
    return published.stream().map(CloudEvent::getType).toList();
  }

  <T extends Record> T only(String type, Class<T> data) {
    List<CloudEvent> of = published.stream().filter(e -> e.getType().equals(type)).toList();
    if (of.size() != 1) throw new AssertionError("expected one " + type + ", published: " + types());
    return BerthEvents.data(of.get(0), data);
  }
}
