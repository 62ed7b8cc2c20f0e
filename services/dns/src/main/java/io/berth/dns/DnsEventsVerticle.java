package io.berth.dns;

import io.berth.dns.events.ContainerEventsConsumer;
import io.berth.dns.events.EndpointLag;
import io.berth.dns.events.NetworkEventsConsumer;
import io.berth.events.Topics;
import io.berth.kit.events.EventBus;
import io.berth.kit.events.Subscription;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The dns service's event consumers: the network service's facts and the containers' lifecycle. Subscribed from this
 * verticle, so every handler runs on its context, one event loop, and the controller's handlers never run side by
 * side with each other (the cluster map's listener still applies other nodes' entries on Hazelcast's threads).
 */
final class DnsEventsVerticle extends VerticleBase {
  private final EventBus events;
  private final DnsController controller;
  private final EndpointLag lag;
  private final List<Subscription> subscriptions = new ArrayList<>();

  DnsEventsVerticle(EventBus events, DnsController controller, EndpointLag lag) {
    this.events = events;
    this.controller = controller;
    this.lag = lag;
  }

  @Override
  public Future<?> start() {
    String node = controller.node();
    return events.subscribe(Topics.NETWORK_EVENTS, "berth-dns-network-" + node,
            new NetworkEventsConsumer(controller, lag))
        .compose(s -> {
          subscriptions.add(s);
          return events.subscribe(Topics.CONTAINER_EVENTS, "berth-dns-container-" + node,
              new ContainerEventsConsumer(controller));
        })
        .onSuccess(subscriptions::add);
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closed = new ArrayList<>();
    subscriptions.forEach(s -> closed.add(s.close()));
    return Future.join(closed);
  }
}
