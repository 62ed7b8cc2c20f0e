package io.berth.network.reconcile;

import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.Sandbox;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.NetworkDriver;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.Firewall;
import io.berth.network.host.HostNetwork;
import io.berth.network.host.SandboxHost;
import io.berth.network.ipam.Ipam;
import io.berth.network.ports.PortAllocator;
import io.berth.network.sandbox.PortMappings;
import io.berth.network.sandbox.SandboxPlan;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;

/**
 * On every start, before serving: brings the cluster allocations and the host in line with the stored state.
 * Addresses and ports are marked in use again; endpoints without a sandbox are dropped; bridges, veths and sandbox
 * namespaces berth made that nothing owns are removed; missing ones of known networks and sandboxes are made
 * again; the firewall is regenerated whole. What changed is logged and published as {@code host.reconciled}.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  /** What the run changed on the host. */
  public record Report(List<String> removed, List<String> recreated) {}

  private final NetworkState state;
  private final Ipam ipam;
  private final PortAllocator ports;
  private final DriverRegistry drivers;
  private final Firewall firewall;
  private final HostNetwork host;
  private final SandboxHost sandboxes;
  private final HostOps hostOps;
  private final NetworkEventsPublisher events;

  public Reconciler(NetworkState state, Ipam ipam, PortAllocator ports, DriverRegistry drivers, Firewall firewall,
                    HostNetwork host, SandboxHost sandboxes, HostOps hostOps, NetworkEventsPublisher events) {
    this.state = state;
    this.ipam = ipam;
    this.ports = ports;
    this.drivers = drivers;
    this.firewall = firewall;
    this.host = host;
    this.sandboxes = sandboxes;
    this.hostOps = hostOps;
    this.events = events;
  }

  public Future<Report> run() {
    List<String> removed = new ArrayList<>();
    List<String> recreated = new ArrayList<>();
    return dropOrphanEndpoints(removed)
        .compose(x -> restoreAllocations())
        .compose(x -> cleanHost(removed))
        .compose(x -> recreate(recreated))
        .compose(x -> firewall())
        .map(x -> new Report(removed, recreated))
        .onSuccess(r -> LOG.info("reconciled the host of {}: removed {}, recreated {}", state.node(), r.removed(),
            r.recreated()))
        .compose(r -> events.reconciled(r.removed(), r.recreated()).map(r));
  }

  /** Endpoints stored without their sandbox (a crash between the two writes) own nothing any more. */
  private Future<Void> dropOrphanEndpoints(List<String> removed) {
    Set<String> owned = state.sandboxes().stream().flatMap(s -> s.endpoints().stream()).collect(Collectors.toSet());
    List<Future<Void>> drops = new ArrayList<>();
    for (Endpoint e : List.copyOf(state.endpoints())) {
      if (!owned.contains(e.id())) {
        removed.add("endpoint " + e.id().substring(0, 12) + " of " + e.containerId().substring(0, 12));
        drops.add(state.remove(e));
      }
    }
    return Future.all(drops).mapEmpty();
  }

  private Future<Void> restoreAllocations() {
    List<Future<?>> all = new ArrayList<>();
    for (Network n : state.networks()) {
      List<String> used = state.endpointsOf(n).stream().flatMap(e -> Stream.of(e.ipv4(), e.ipv6()))
          .filter(Objects::nonNull).toList();
      all.add(ipam.init(n, used));
    }
    for (Sandbox s : state.sandboxes()) {
      all.add(ports.hold(s.containerId(), s.published()));
    }
    return Future.all(all).mapEmpty();
  }

  private Future<Void> cleanHost(List<String> removed) {
    Set<String> links = new HashSet<>();
    state.networks().forEach(n -> drivers.find(n.driver()).ifPresent(d -> links.addAll(d.devices(n))));
    state.endpoints().stream().map(Endpoint::hostIf).filter(Objects::nonNull).forEach(links::add);
    Set<String> netns = state.sandboxes().stream().filter(Sandbox::berthCreated).map(Sandbox::containerId)
        .collect(Collectors.toSet());
    return hostOps.run("reconcile host", () -> {
      List<String> unknown = host.linkNames().stream()
          .filter(HostNetwork::isBerthLink).filter(name -> !links.contains(name))
          .sorted((a, b) -> Boolean.compare(!isVeth(a), !isVeth(b)))
          .toList();
      for (String name : unknown) {
        host.deleteLink(name);
        removed.add("link " + name);
      }
      for (String id : sandboxes.list()) {
        if (!netns.contains(id)) {
          sandboxes.delete(id);
          removed.add("netns " + id);
        }
      }
      return null;
    });
  }

  /** Veths go first, then the bridges they were on. */
  private static boolean isVeth(String link) {
    return link.startsWith("vb");
  }

  /** Each driver restores its networks (at once, so their firewall changes share applies), then the sandboxes. */
  private Future<Void> recreate(List<String> recreated) {
    List<Future<List<String>>> networks = new ArrayList<>();
    for (Network n : state.networks()) {
      drivers.find(n.driver()).ifPresentOrElse(d -> networks.add(d.restoreNetwork(n)),
          () -> LOG.warn("network {} has driver {}, which this node does not have; not restored", n.name(),
              n.driver()));
    }
    Future<Void> chain = Future.all(networks).map(all -> {
      networks.forEach(f -> recreated.addAll(f.result()));
      return null;
    });
    for (Sandbox s : state.sandboxes()) {
      chain = chain.compose(x -> recreateSandbox(s, recreated));
    }
    return chain;
  }

  private Future<Void> recreateSandbox(Sandbox s, List<String> recreated) {
    List<Endpoint> eps = s.endpoints().stream().map(state::endpoint).filter(Objects::nonNull).toList();
    return hostOps.run("check sandbox " + s.containerId(), () -> {
      if (s.berthCreated()) {
        if (!sandboxes.exists(s.containerId())) {
          sandboxes.create(s.containerId());
          recreated.add("netns " + s.containerId());
        }
      } else if (!s.hostMode() && !sandboxes.present(Path.of(s.key()))) {
        LOG.warn("sandbox {} of container {} is gone and was not made by berth; not recreated", s.key(),
            s.containerId());
        return false;
      }
      return true;
    }).compose(present -> {
      Future<Void> chain = Future.succeededFuture();
      if (!present) {
        return chain;
      }
      Endpoint gateway = SandboxPlan.gateway(eps, state::network);
      for (Endpoint e : eps) {
        Network n = state.network(e.networkId());
        NetworkDriver d = n == null ? null : drivers.find(n.driver()).orElse(null);
        if (d == null) {
          continue;
        }
        chain = chain.compose(x -> d.restoreEndpoint(n, e, s.key(), e == gateway)).map(remade -> {
          if (remade) {
            recreated.add("link " + e.hostIf());
          }
          return null;
        });
      }
      return chain;
    });
  }

  private Future<Void> firewall() {
    for (Sandbox s : state.sandboxes()) {
      firewall.putPorts(s.containerId(), PortMappings.rules(s.published()));
    }
    return firewall.sync();
  }
}
