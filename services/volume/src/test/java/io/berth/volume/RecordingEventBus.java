package io.berth.volume;

import io.berth.kit.events.EventBus;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.Subscription;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** An event bus that keeps what is published. */
public final class RecordingEventBus implements EventBus {
  public final List<CloudEvent> published = java.util.Collections.synchronizedList(new ArrayList<>());

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
    return Future.failedFuture(new UnsupportedOperationException("drive the handler directly"));
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** The types published, in order. */
  public List<String> types() {
    synchronized (published) {
      return published.stream().map(CloudEvent::getType).toList();
    }
  }
}
