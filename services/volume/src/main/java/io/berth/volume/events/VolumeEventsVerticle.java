package io.berth.volume.events;

import io.berth.events.Topics;
import io.berth.kit.events.EventBus;
import io.berth.kit.events.Subscription;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Consumes {@code berth.container.events} for the node on a context of its own, so every container event is handled
 * there, one partition's events after the other ({@link ContainerEventsConsumer}).
 */
public final class VolumeEventsVerticle extends VerticleBase {
  private final EventBus bus;
  private final String node;
  private final ContainerEventsConsumer consumer;
  private Subscription subscription;

  public VolumeEventsVerticle(EventBus bus, String node, ContainerEventsConsumer consumer) {
    this.bus = bus;
    this.node = node;
    this.consumer = consumer;
  }

  @Override
  public Future<?> start() {
    return bus.subscribe(Topics.CONTAINER_EVENTS, "berth-volume-" + node, consumer.handler())
        .onSuccess(s -> subscription = s);
  }

  @Override
  public Future<?> stop() {
    return subscription == null ? Future.succeededFuture() : subscription.close();
  }
}
