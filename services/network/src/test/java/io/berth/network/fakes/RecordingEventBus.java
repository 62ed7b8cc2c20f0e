package io.berth.network.fakes;

import io.berth.kit.events.EventBus;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.Subscription;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event bus that records what is published and delivers nothing. */
public final class RecordingEventBus implements EventBus {
  public final List<CloudEvent> published = new CopyOnWriteArrayList<>();

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
    return Future.failedFuture(new UnsupportedOperationException("recording only"));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** The types published, in order. */
  public List<String> types() {
    return published.stream().map(CloudEvent::getType).toList();
  }
}
