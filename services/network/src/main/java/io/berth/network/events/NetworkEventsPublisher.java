package io.berth.network.events;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.events.Protocol;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.EndpointLeft;
import io.berth.events.network.HostReconciled;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkRemoved;
import io.berth.events.network.NetworkScope;
import io.berth.events.network.PortsPublished;
import io.berth.events.network.PortsUnpublished;
import io.berth.events.network.PublishedPort;
import io.berth.events.network.SandboxInterface;
import io.berth.events.network.SandboxFailed;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.SandboxRemoved;
import io.berth.events.network.Subnet;
import io.berth.kit.events.EventBus;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.Sandbox;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the network facts on {@code berth.network.events}: networks keyed by network id, sandboxes, endpoints
 * and ports keyed by container id (so one container's facts stay in order). A publish failure is logged, not
 * returned: the change is already durable in the state store.
 */
public final class NetworkEventsPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkEventsPublisher.class);

  private final EventBus bus;
  private final String node;
  private final String source;

  public NetworkEventsPublisher(EventBus bus, String node) {
    this.bus = bus;
    this.node = node;
    this.source = "urn:berth:node:" + node + ":network";
  }

  public Future<Void> networkCreated(Network n) {
    List<Subnet> subnets = n.ipam().stream().map(c -> new Subnet(c.subnet(), c.gateway(), c.ipRange())).toList();
    return publish(EventCatalog.NETWORK_CREATED, n.id(), new NetworkCreated(n.id(), n.name(), n.driver(),
        scope(n), n.node(), subnets, n.internal(), n.labels(), n.options()));
  }

  public Future<Void> networkRemoved(Network n) {
    return publish(EventCatalog.NETWORK_REMOVED, n.id(), new NetworkRemoved(n.id(), n.name(), n.driver(),
        scope(n), node));
  }

  /** One {@code endpoint.joined} per endpoint, then {@code sandbox.ready}, then {@code ports.published}. */
  public Future<Void> sandboxReady(Sandbox s, List<Endpoint> endpoints, Function<String, Network> networks) {
    // Sent back to back without waiting for each ack: one key, one partition, the producer keeps their order.
    List<Future<Void>> sent = new ArrayList<>();
    for (Endpoint e : endpoints) {
      sent.add(joined(e, networks.apply(e.networkId())));
    }
    sent.add(publish(EventCatalog.SANDBOX_READY, s.containerId(),
        new SandboxReady(s.containerId(), s.key(), node, interfaces(endpoints, networks), s.containerName())));
    if (!s.published().isEmpty()) {
      sent.add(publish(EventCatalog.PORTS_PUBLISHED, s.containerId(),
          new PortsPublished(s.containerId(), node, ports(s.published()))));
    }
    return Future.all(sent).mapEmpty();
  }

  /**
   * {@code sandbox.ready} of a container sharing another's namespace ({@code --network container:<id>}): the
   * other's interfaces, and no {@code endpoint.joined} (the endpoints, and their DNS names, are the other's).
   */
  public Future<Void> sharedSandboxReady(Sandbox s, List<Endpoint> ownersEndpoints,
                                         Function<String, Network> networks) {
    return publish(EventCatalog.SANDBOX_READY, s.containerId(),
        new SandboxReady(s.containerId(), s.key(), node, interfaces(ownersEndpoints, networks), s.containerName()));
  }

  private static List<SandboxInterface> interfaces(List<Endpoint> endpoints, Function<String, Network> networks) {
    return endpoints.stream().filter(e -> e.ifName() != null).map(e -> {
      Network n = networks.apply(e.networkId());
      boolean gw = e.gateway4() != null && e.ipv4() != null && n != null && !n.internal();
      return new SandboxInterface(e.ifName(), e.networkId(), e.mac(), e.ipv4(), e.ipv6(),
          gw ? e.gateway4() : null, e.networkName(), e.aliases(), n != null && n.dnsEnabled());
    }).toList();
  }

  /** One {@code endpoint.left} per endpoint, {@code ports.unpublished}, then {@code sandbox.removed}. */
  public Future<Void> sandboxRemoved(Sandbox s, List<Endpoint> endpoints, Function<String, Network> networks) {
    List<Future<Void>> sent = new ArrayList<>();
    for (Endpoint e : endpoints) {
      sent.add(left(e, networks.apply(e.networkId())));
    }
    sent.add(portsUnpublished(s.containerId(), s.published()));
    sent.add(sandboxRemoved(s));
    return Future.all(sent).mapEmpty();
  }

  public Future<Void> joined(Endpoint e, Network n) {
    return publish(EventCatalog.ENDPOINT_JOINED, e.containerId(), new EndpointJoined(e.id(), e.networkId(),
        e.networkName(), e.containerId(), e.containerName(), e.aliases(), e.ipv4(), e.ipv6(), e.mac(), node,
        n != null && n.dnsEnabled()));
  }

  public Future<Void> left(Endpoint e, Network n) {
    return publish(EventCatalog.ENDPOINT_LEFT, e.containerId(), new EndpointLeft(e.id(), e.networkId(),
        e.networkName(), e.containerId(), e.containerName(), e.aliases(), e.ipv4(), e.ipv6(), e.mac(), node,
        n != null && n.dnsEnabled()));
  }

  public Future<Void> portsUnpublished(String containerId, List<PortMapping> published) {
    if (published.isEmpty()) {
      return Future.succeededFuture();
    }
    return publish(EventCatalog.PORTS_UNPUBLISHED, containerId,
        new PortsUnpublished(containerId, node, ports(published)));
  }

  public Future<Void> sandboxRemoved(Sandbox s) {
    return publish(EventCatalog.SANDBOX_REMOVED, s.containerId(),
        new SandboxRemoved(s.containerId(), s.key(), node));
  }

  /**
   * {@code sandbox.failed}: the container's sandbox could not be set up, with Docker's status and message, so whoever
   * waits for {@code sandbox.ready} stops waiting.
   */
  public Future<Void> sandboxFailed(String containerId, int status, String message) {
    return publish(EventCatalog.SANDBOX_FAILED, containerId, new SandboxFailed(containerId, node, status, message));
  }

  public Future<Void> reconciled(List<String> removed, List<String> recreated) {
    return publish(EventCatalog.HOST_RECONCILED, node, new HostReconciled(node, removed, recreated));
  }

  private static List<PublishedPort> ports(List<PortMapping> ms) {
    return ms.stream().map(m -> new PublishedPort(Protocol.valueOf(m.protocol().toUpperCase()), m.containerPort(),
        m.hostIp(), m.hostPort())).toList();
  }

  private static NetworkScope scope(Network n) {
    return switch (n.scope()) {
      case "swarm" -> NetworkScope.SWARM;
      case "global" -> NetworkScope.GLOBAL;
      default -> NetworkScope.LOCAL;
    };
  }

  private Future<Void> publish(EventType type, String key, Record data) {
    try {
      return bus.publish(BerthEvents.create(type, source, key, data)).recover(e -> {
        LOG.warn("publishing {} for {} failed: {}", type.type(), key, e.getMessage());
        return Future.succeededFuture();
      });
    } catch (IllegalArgumentException e) {
      LOG.warn("not publishing {} for {}: {}", type.type(), key, e.getMessage());
      return Future.succeededFuture();
    }
  }
}
