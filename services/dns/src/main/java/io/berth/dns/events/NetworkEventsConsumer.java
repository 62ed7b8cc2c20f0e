package io.berth.dns.events;

import io.berth.dns.DnsController;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.events.BerthEvents;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.EndpointLeft;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkRemoved;
import io.berth.events.network.NetworkScope;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.Subnet;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * Reacts to the network service's facts on {@code berth.network.events}: endpoints joining and leaving, sandboxes
 * ready, networks created and removed. Only facts about this node are written here; other nodes' facts arrive
 * through the cluster map.
 */
public final class NetworkEventsConsumer {
  public static final String JOINED = "io.berth.network.endpoint.joined";
  public static final String LEFT = "io.berth.network.endpoint.left";
  public static final String SANDBOX_READY = "io.berth.network.sandbox.ready";
  public static final String NETWORK_CREATED = "io.berth.network.network.created";
  public static final String NETWORK_REMOVED = "io.berth.network.network.removed";

  private final DnsController dns;
  private final EndpointLag lag;

  public NetworkEventsConsumer(DnsController dns, EndpointLag lag) {
    this.dns = dns;
    this.lag = lag;
  }

  /** The {@code EventHandler} for the subscription. */
  public Future<Void> handle(CloudEvent event) {
    if (JOINED.equals(event.getType())) {
      lag.reached(event, EndpointLag.Stage.CONSUMED);
    }
    return switch (event.getType()) {
      case JOINED -> joined(event, BerthEvents.data(event, EndpointJoined.class));
      case LEFT -> left(BerthEvents.data(event, EndpointLeft.class));
      case SANDBOX_READY -> ready(BerthEvents.data(event, SandboxReady.class));
      case NETWORK_CREATED -> created(BerthEvents.data(event, NetworkCreated.class));
      case NETWORK_REMOVED -> removed(BerthEvents.data(event, NetworkRemoved.class));
      default -> Future.succeededFuture();
    };
  }

  private boolean mine(String node) {
    return dns.node().equals(node);
  }

  private Future<Void> joined(CloudEvent event, EndpointJoined e) {
    if (!mine(e.node())) {
      return Future.succeededFuture();
    }
    Future<Void> stored = dns.endpointJoined(new EndpointRecord(e.endpointId(), e.networkId(), e.networkName(),
        e.containerId(), e.containerName(), "", e.aliases(), e.ipv4(), e.ipv6(), e.node(), e.dnsEnabled()),
        () -> lag.reached(event, EndpointLag.Stage.APPLIED));
    return stored.onSuccess(v -> lag.reached(event, EndpointLag.Stage.HANDLED));
  }

  private Future<Void> left(EndpointLeft e) {
    return mine(e.node()) ? dns.endpointLeft(e.endpointId(), e.containerId()) : Future.succeededFuture();
  }

  private Future<Void> ready(SandboxReady s) {
    return mine(s.node()) ? dns.sandboxReady(s.containerId()) : Future.succeededFuture();
  }

  private Future<Void> created(NetworkCreated n) {
    if (!mine(n.node())) {
      return Future.succeededFuture();
    }
    List<String> gateways = n.subnets().stream().map(Subnet::gateway).filter(Objects::nonNull)
        .map(g -> g.contains("/") ? g.substring(0, g.indexOf('/')) : g)
        .sorted((a, b) -> Boolean.compare(a.contains(":"), b.contains(":"))).toList();
    return dns.networkCreated(new NetworkInfo(n.id(), n.name(), n.driver(), n.node(), n.scope() == NetworkScope.SWARM,
        gateways, NetworkInfo.resolvesNames(n.name(), n.driver())));
  }

  private Future<Void> removed(NetworkRemoved n) {
    return mine(n.node()) ? dns.networkRemoved(n.id()) : Future.succeededFuture();
  }
}
