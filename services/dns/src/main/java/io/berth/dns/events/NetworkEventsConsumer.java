package io.berth.dns.events;

import io.berth.dns.DnsController;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.events.EventCatalog;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.EndpointLeft;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkRemoved;
import io.berth.events.network.NetworkScope;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.Subnet;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.EventRouter;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * Reacts to the network service's facts about this node on {@code berth.network.events}: endpoints joining and
 * leaving, sandboxes ready, networks created and removed. Other nodes' facts arrive through the cluster map.
 */
public final class NetworkEventsConsumer implements EventHandler {
  private final DnsController dns;
  private final EndpointLag lag;
  private final EventRouter router;
  /**
   * The event being routed. The router calls its handler before {@link #handle} returns, and a subscription delivers
   * on one context, so the joined handler reads the event it times here (the router hands it the data only).
   */
  private CloudEvent routing;

  public NetworkEventsConsumer(DnsController dns, EndpointLag lag) {
    this.dns = dns;
    this.lag = lag;
    this.router = EventRouter.forNode(dns.node())
        .on(EndpointJoined.class, this::joined)
        .on(EndpointLeft.class, this::left)
        .on(SandboxReady.class, this::ready)
        .on(NetworkCreated.class, this::created)
        .on(NetworkRemoved.class, this::removed);
  }

  @Override
  public Future<Void> handle(CloudEvent event) {
    if (EventCatalog.ENDPOINT_JOINED.type().equals(event.getType())) {
      lag.reached(event, EndpointLag.Stage.CONSUMED);
    }
    routing = event;
    try {
      return router.handle(event);
    } finally {
      routing = null;
    }
  }

  private Future<Void> joined(EndpointJoined e) {
    CloudEvent event = routing;
    Future<Void> stored = dns.endpointJoined(new EndpointRecord(e.endpointId(), e.networkId(), e.networkName(),
        e.containerId(), e.containerName(), "", e.aliases(), e.ipv4(), e.ipv6(), e.node(), e.dnsEnabled()),
        () -> lag.reached(event, EndpointLag.Stage.APPLIED));
    return stored.onSuccess(v -> lag.reached(event, EndpointLag.Stage.HANDLED));
  }

  private Future<Void> left(EndpointLeft e) {
    return dns.endpointLeft(e.endpointId(), e.containerId());
  }

  private Future<Void> ready(SandboxReady s) {
    return dns.sandboxReady(s.containerId());
  }

  private Future<Void> created(NetworkCreated n) {
    List<String> gateways = n.subnets().stream().map(Subnet::gateway).filter(Objects::nonNull)
        .map(g -> g.contains("/") ? g.substring(0, g.indexOf('/')) : g)
        .sorted((a, b) -> Boolean.compare(a.contains(":"), b.contains(":"))).toList();
    return dns.networkCreated(new NetworkInfo(n.id(), n.name(), n.driver(), n.node(), n.scope() == NetworkScope.SWARM,
        gateways, NetworkInfo.resolvesNames(n.name(), n.driver())));
  }

  private Future<Void> removed(NetworkRemoved n) {
    return dns.networkRemoved(n.id());
  }
}
