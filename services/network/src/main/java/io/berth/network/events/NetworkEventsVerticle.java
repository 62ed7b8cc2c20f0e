package io.berth.network.events;

import io.berth.events.Topics;
import io.berth.kit.events.EventBus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The container events consumer of this node, deployed as its own verticle: the bus delivers events on the context
 * that subscribed, so every container event is handled on this verticle's event loop (one key after the other, as
 * the subscription orders them).
 */
public final class NetworkEventsVerticle extends VerticleBase {
  private final EventBus bus;
  private final String node;
  private final ContainerEventsConsumer consumer;

  public NetworkEventsVerticle(EventBus bus, String node, ContainerEventsConsumer consumer) {
    this.bus = bus;
    this.node = node;
    this.consumer = consumer;
  }

  @Override
  public Future<?> start() {
    return bus.subscribe(Topics.CONTAINER_EVENTS, "berth-network-" + node, consumer.handler());
  }
}
