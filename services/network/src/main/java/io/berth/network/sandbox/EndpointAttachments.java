package io.berth.network.sandbox;

import io.berth.kit.steps.Rollback;
import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Ids;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkMode;
import io.berth.network.domain.Sandbox;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.Firewall;
import io.berth.network.ports.PortAllocator;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code docker network connect} and {@code disconnect}: an endpoint added to or removed from a sandbox that exists.
 * Runs in the container's lane, so it never overlaps the sandbox's set-up or removal.
 */
public final class EndpointAttachments {
  private final NetworkState state;
  private final Function<String, Network> networks;
  private final SandboxLookup lookup;
  private final DriverRegistry drivers;
  private final EndpointAllocator allocator;
  private final EndpointJoiner joiner;
  private final PortAllocator ports;
  private final Firewall firewall;
  private final NetworkEventsPublisher events;
  private final KeyedLanes lanes;
  private final InFlightLinks inFlight;

  /** @param networks Docker's network lookup (id, name, unique id prefix) */
  public EndpointAttachments(NetworkState state, Function<String, Network> networks, SandboxLookup lookup,
                             DriverRegistry drivers, EndpointAllocator allocator, PortAllocator ports, Firewall firewall, NetworkEventsPublisher events, KeyedLanes lanes,
                             InFlightLinks inFlight) {
    this.state = state;
    this.networks = networks;
    this.lookup = lookup;
    this.drivers = drivers;
    this.allocator = allocator;
    this.joiner = new EndpointJoiner(drivers, inFlight);
    this.ports = ports;
    this.firewall = firewall;
    this.events = events;
    this.lanes = lanes;
    this.inFlight = inFlight;
  }

  /** {@code docker network connect}: a new endpoint on a running sandbox. */
  public Future<Endpoint> connect(String networkRef, String containerRef, List<String> aliases, String ip4,
                                  String ip6, Map<String, String> driverOpts) {
    Network n = networks.apply(networkRef);
    Sandbox s0 = lookup.find(containerRef);
    return lanes.run(s0.containerId(), () -> {
      Sandbox s = state.sandbox(s0.containerId());
      if (s == null) {
        throw BerthException.notFound("No such container: %s", containerRef);
      }
      NetworkMode mode = s.networkMode();
      if (mode.equals(NetworkMode.HOST) || mode.equals(NetworkMode.NONE) || mode.shares()
          || !drivers.get(n.driver()).hasInterfaces()) {
        throw BerthException.invalid("container sharing network namespace with another container or host cannot be "
            + "connected to any other network");
      }
      List<Endpoint> eps = lookup.endpointsOf(s);
      if (eps.stream().anyMatch(e -> e.networkId().equals(n.id()))) {
        throw BerthException.forbidden("endpoint with name %s already exists in network %s", s.containerName(),
            n.name());
      }
      Rollback undo = new Rollback();
      boolean defaultRoute = SandboxPlan.takesDefaultRoute(n, eps, state::network);
      EndpointAllocator.Request r = new EndpointAllocator.Request(Ids.random(), n,
          s.containerId(), s.containerName(), aliases, ip4, ip6, SandboxPlan.nextInterfaceName(eps), driverOpts);
      return allocator.allocate(r, undo)
          .compose(e -> joiner.join(n, e, s.key(), defaultRoute, undo).map(e))
          .compose(e -> {
            List<String> ids = new ArrayList<>(s.endpoints());
            ids.add(e.id());
            Future<Void> stored = Future.all(state.put(e), state.put(s.withEndpoints(ids))).mapEmpty();
            inFlight.remove(e.hostIf());
            return stored.compose(x -> events.joined(e, n)).map(e);
          }).recover(undo::rollback);
    });
  }

  /** {@code docker network disconnect}: removes the container's endpoint on the network. */
  public Future<Void> disconnect(String networkRef, String containerRef, boolean force) {
    Network n = networks.apply(networkRef);
    Sandbox s0 = lookup.find(containerRef);
    return lanes.run(s0.containerId(), () -> {
      Sandbox s = state.sandbox(s0.containerId());
      Endpoint e = s == null ? null : lookup.endpointsOf(s).stream().filter(x -> x.networkId().equals(n.id()))
          .findFirst().orElse(null);
      if (e == null) {
        if (force) {
          return Future.succeededFuture();
        }
        throw BerthException.forbidden("container %s is not connected to network %s", containerRef, n.name());
      }
      List<String> errors = new ArrayList<>();
      boolean carriesPorts = !s.published().isEmpty() && e.ipv4Address() != null
          && s.published().stream().anyMatch(p -> p.containerIp().equals(e.ipv4Address()));
      Future<Void> ports0 = carriesPorts
          ? firewall.removePorts(s.containerId()).compose(x -> ports.release(s.containerId()))
          : Future.succeededFuture();
      return ports0.compose(x -> joiner.leave(n, e, false).otherwise(err -> {
        errors.add("leave " + n.name() + ": " + err.getMessage());
        return null;
      })).compose(x -> allocator.release(n, e)).compose(x -> {
        List<String> ids = new ArrayList<>(s.endpoints());
        ids.remove(e.id());
        Sandbox updated = s.withEndpoints(ids);
        if (carriesPorts) {
          updated = updated.withPublished(List.of());
        }
        return Future.all(state.remove(e), state.put(updated));
      }).compose(x -> events.left(e, n)).compose(x -> errors.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(new BerthException.Internal(String.join("; ", errors))));
    });
  }
}
