package io.berth.network.networks;

import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.errors.BerthException;
import io.berth.kit.http.DockerRefs;
import io.berth.network.domain.BridgeOptions;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Ids;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkFilters;
import io.berth.network.domain.NetworkSpec;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.NetworkDriver;
import io.berth.network.driver.bridge.BridgeDriver;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.UsedPrefixes;
import io.berth.network.ipam.Cidr;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.IpamException;
import io.berth.network.ipam.SubnetPlanner;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Networks of this node: create (validate, plan subnets, reserve the pool cluster-wide, program the host through the
 * driver, store, publish), look up by name, id or id prefix, list, remove, prune, and the predefined
 * {@code bridge}, {@code host} and {@code none}. Changes to network definitions run one at a time.
 */
public final class NetworkController {
  private static final String LANE = "networks";

  private final NetworkState state;
  private final DriverRegistry drivers;
  private final Ipam ipam;
  private final SubnetPlanner planner;
  private final NetworkEventsPublisher events;
  private final UsedPrefixes host;
  private final KeyedLanes lanes = new KeyedLanes();

  /** @param host what the node routes and addresses, which new subnets must not overlap */
  public NetworkController(NetworkState state, DriverRegistry drivers, Ipam ipam, SubnetPlanner planner,
                           NetworkEventsPublisher events, UsedPrefixes host) {
    this.state = state;
    this.drivers = drivers;
    this.ipam = ipam;
    this.planner = planner;
    this.events = events;
    this.host = host;
  }

  /** {@code POST /networks/create}. */
  public Future<Network> create(NetworkSpec spec) {
    try {
      spec.validate();
    } catch (BerthException e) {
      return Future.failedFuture(e);
    }
    return lanes.run(LANE, () -> {
      if (byName(spec.name()).isPresent()) {
        throw BerthException.conflict("network with name %s already exists", spec.name());
      }
      NetworkDriver driver = drivers.get(spec.driver());
      String id = Ids.random();
      Network proposed = new Network(id, spec.name(), driver.name(), driver.scope(), state.node(), now(),
          spec.enableIpv4(), spec.enableIpv6(), spec.ipamDriver(), spec.ipam(), spec.ipamOptions(), spec.internal(),
          spec.attachable(), false, spec.options(), spec.labels(), null, false);
      Network checked = driver.validate(proposed);
      return subnetsInUse().compose(inUse -> {
        List<IpamConfig> pools;
        try {
          pools = planner.plan(spec.ipam(), spec.enableIpv4(), spec.enableIpv6(), inUse, id);
        } catch (IpamException e) {
          return Future.failedFuture(BerthException.invalid("%s", e.getMessage()));
        }
        Network n = withPools(checked, pools);
        return define(n, driver);
      });
    });
  }

  /** Reserves the pools, programs the host, stores and announces; undoes the reservation if the host fails. */
  private Future<Network> define(Network n, NetworkDriver driver) {
    return ipam.init(n, List.of())
        .compose(x -> driver.createNetwork(n).recover(e -> ipam.drop(n).transform(y -> Future.failedFuture(
            new BerthException.Internal("failed to create network " + n.name() + ": " + e.getMessage(), e)))))
        .compose(x -> state.put(n))
        .compose(x -> events.networkCreated(n))
        .map(n);
  }

  private static Network withPools(Network n, List<IpamConfig> pools) {
    return new Network(n.id(), n.name(), n.driver(), n.scope(), n.node(), n.created(),
        pools.stream().anyMatch(c -> !c.v6()), n.enableIpv6(), n.ipamDriver(), pools, n.ipamOptions(), n.internal(),
        n.attachable(), n.ingress(), n.options(), n.labels(), n.device(), n.predefined());
  }

  /** Subnets of this node's networks and every prefix routed or addressed in the node's namespace. */
  private Future<List<Cidr>> subnetsInUse() {
    return host.prefixesInUse().map(prefixes -> {
      List<Cidr> out = new ArrayList<>();
      for (Network n : state.networks()) {
        n.ipam().forEach(c -> out.add(Cidr.parse(c.subnet())));
      }
      for (String p : prefixes) {
        String[] parts = p.split("/");
        out.add(Cidr.containing(parts[0], Integer.parseInt(parts[1])));
      }
      return out;
    });
  }

  /** Creates {@code bridge}, {@code host} and {@code none} if this node has them not yet. */
  public Future<Void> ensurePredefined(Optional<String> bip, Optional<Integer> mtu) {
    return lanes.run(LANE, () -> {
      Future<Void> chain = Future.succeededFuture();
      if (byName("none").isEmpty()) {
        chain = chain.compose(x -> predefined("none", "null", List.of(), Map.of()));
      }
      if (byName("host").isEmpty()) {
        chain = chain.compose(x -> predefined("host", "host", List.of(), Map.of()));
      }
      if (byName(Network.DEFAULT_BRIDGE).isEmpty()) {
        chain = chain.compose(x -> subnetsInUse()).compose(inUse -> {
          List<IpamConfig> req = List.of();
          if (bip.isPresent()) {
            String[] parts = bip.get().split("/");
            Cidr subnet = Cidr.containing(parts[0], Integer.parseInt(parts[1]));
            req = List.of(new IpamConfig(subnet.toString(), null, parts[0], Map.of()));
          }
          List<IpamConfig> pools = planner.plan(req, true, false, inUse, state.node() + "/bridge");
          Map<String, String> o = new LinkedHashMap<>();
          o.put(BridgeOptions.DEFAULT_BRIDGE, "true");
          o.put(BridgeOptions.ICC, "true");
          o.put(BridgeOptions.MASQ, "true");
          o.put(BridgeOptions.HOST_BINDING, "0.0.0.0");
          o.put(BridgeOptions.NAME, BridgeDriver.DEFAULT_BRIDGE_DEVICE);
          o.put(BridgeOptions.MTU, String.valueOf(mtu.orElse(1500)));
          return predefined(Network.DEFAULT_BRIDGE, "bridge", pools, o);
        });
      }
      return chain;
    });
  }

  private Future<Void> predefined(String name, String driverName, List<IpamConfig> pools, Map<String, String> opts) {
    NetworkDriver driver = drivers.get(driverName);
    Network n = new Network(Ids.derived(state.node() + "/" + name), name, driverName, "local", state.node(), now(),
        !pools.isEmpty(), false, "default", pools, Map.of(), false, false, false, opts, Map.of(), null, true);
    return define(driver.validate(n), driver).mapEmpty();
  }

  /** Docker's lookup: exact id, exact name, then a unique id prefix, with Docker's errors ({@link DockerRefs}). */
  public Network resolve(String ref) {
    Network byId = state.network(ref);
    return byId != null ? byId : DockerRefs.network(state.networks(), ref, Network::id, Network::name);
  }

  /** The network a container's attachment names: {@code default} is the node's default bridge. */
  public Network forContainer(String ref) {
    return "default".equals(ref) ? defaultBridge() : resolve(ref);
  }

  public Optional<Network> byName(String name) {
    return state.networks().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The default bridge of this node. */
  public Network defaultBridge() {
    return byName(Network.DEFAULT_BRIDGE).orElseThrow(() -> BerthException.notFound("network bridge not found"));
  }

  public List<Network> list(Predicate<Network> filter) {
    return state.networks().stream().filter(filter).sorted(Comparator.comparing(Network::created)
        .thenComparing(Network::name)).toList();
  }

  public boolean inUse(Network n) {
    return state.endpoints().stream().anyMatch(e -> e.networkId().equals(n.id()));
  }

  /** The network's endpoints on this node ({@code docker network inspect}'s {@code Containers}). */
  public List<Endpoint> endpointsOf(Network n) {
    return state.endpointsOf(n);
  }

  /** {@code DELETE /networks/{id}}: refused for predefined networks (403) and while endpoints exist (409). */
  public Future<Void> remove(String ref) {
    return lanes.run(LANE, () -> {
      Network n = resolve(ref);
      if (n.predefined()) {
        throw new BerthException.Forbidden(n.name() + " is a pre-defined network and cannot be removed");
      }
      if (inUse(n)) {
        throw BerthException.conflict("error while removing network: network %s id %s has active endpoints",
            n.name(), n.id());
      }
      return destroy(n);
    });
  }

  private Future<Void> destroy(Network n) {
    return drivers.get(n.driver()).deleteNetwork(n)
        .compose(x -> ipam.drop(n))
        .compose(x -> state.remove(n))
        .compose(x -> events.networkRemoved(n));
  }

  /** {@code POST /networks/prune}: removes unused user-defined networks matching the filters; names removed. */
  public Future<List<String>> prune(NetworkFilters filters) {
    Predicate<Network> select = filters.forPrune(Instant.now());
    return lanes.run(LANE, () -> {
      List<Network> victims = state.networks().stream().filter(select).filter(n -> !inUse(n))
          .filter(n -> "local".equals(n.scope())).toList();
      List<String> removed = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Network n : victims) {
        chain = chain.compose(x -> destroy(n).map(y -> {
          removed.add(n.name());
          return null;
        }));
      }
      return chain.map(removed);
    });
  }

  private static String now() {
    return Instant.now().toString();
  }
}
