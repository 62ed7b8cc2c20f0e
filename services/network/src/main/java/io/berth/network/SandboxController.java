package io.berth.network;

import io.berth.kit.concurrent.KeyedLanes;
import io.berth.events.container.ContainerCreated;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.Sandbox;
import io.berth.network.events.NetworkEvents;
import io.berth.network.host.Firewall;
import io.berth.network.host.SandboxHost;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.IpamException;
import io.berth.network.ports.PortAllocator;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandboxes and endpoints of this node's containers (CNM {@code Join}/{@code Leave}). Creating one reserves
 * everything first (ports, addresses — cluster-wide, atomically), then programs the host (namespace, one veth per
 * network, firewall), then stores and announces; a failure anywhere undoes what was done and reports every error.
 * Work on one container runs one step at a time; containers proceed in parallel.
 */
public final class SandboxController {
  private final NetworkState state;
  private final NetworkController networks;
  private final Ipam ipam;
  private final PortAllocator ports;
  private final Firewall firewall;
  private final SandboxHost host;
  private final HostOps hostOps;
  private final NetworkEvents events;
  private final String hostNamespacePath;
  private LinkSweeper sweeper;
  private final KeyedLanes lanes = new KeyedLanes();
  private final SharedSandboxes shared;
  private final Map<String, BerthException> failures = new ConcurrentHashMap<>();
  /** Host interfaces made for endpoints not stored yet (the sweep must leave them alone). */
  private final java.util.Set<String> inFlight = ConcurrentHashMap.newKeySet();

  public SandboxController(NetworkState state, NetworkController networks, Ipam ipam, PortAllocator ports,
                           Firewall firewall, SandboxHost host, HostOps hostOps, NetworkEvents events,
                           String hostNamespacePath) {
    this.state = state;
    this.networks = networks;
    this.ipam = ipam;
    this.ports = ports;
    this.firewall = firewall;
    this.host = host;
    this.hostOps = hostOps;
    this.events = events;
    this.hostNamespacePath = hostNamespacePath;
    this.shared = new SharedSandboxes(state, host, hostOps, events);
  }

  /** Enables the sweep of veths outliving a held namespace (see {@link LinkSweeper}). */
  void sweeper(LinkSweeper s) {
    this.sweeper = s;
  }

  /** Host interfaces of endpoints being set up right now. */
  java.util.Set<String> inFlight() {
    return inFlight;
  }

  /** The last failure to set up this container's sandbox, if any (served as its Docker error). */
  public BerthException failure(String containerId) {
    return failures.get(containerId);
  }

  /** Sets up the container's sandbox; an existing one is returned as it is (replayed events). */
  public Future<Sandbox> create(ContainerCreated c) {
    return lanes.run(c.id(), () -> {
      Sandbox existing = state.sandbox(c.id());
      if (existing != null) {
        return Future.succeededFuture(existing);
      }
      // composed, so a refusal thrown while planning is recorded like any other failure
      return Future.succeededFuture(c).compose(this::build).onSuccess(s -> failures.remove(c.id())).onFailure(e -> {
        if (e instanceof BerthException b) {
          failures.put(c.id(), b);
        } else {
          failures.put(c.id(), new BerthException.Internal(e.getMessage(), e));
        }
      });
    });
  }

  /** Per-phase timings of sandbox set-up at TRACE (logger {@code io.berth.network.phases}), for profiling. */
  private static final org.slf4j.Logger PHASES = org.slf4j.LoggerFactory.getLogger("io.berth.network.phases");

  static void mark(String what, long t0, String id) {
    if (PHASES.isTraceEnabled()) {
      PHASES.trace("{} {} {} ms", id.substring(0, 12), what, String.format("%.2f", (System.nanoTime() - t0) / 1e6));
    }
  }

  private Future<Sandbox> build(ContainerCreated c) {
    if (SharedSandboxes.shares(c)) {
      return shared.join(c, resolveContainer(c.networkMode().substring(SharedSandboxes.PREFIX.length())));
    }
    long t0 = System.nanoTime();
    SandboxPlan plan = SandboxPlan.of(c, networks);
    Undo undo = new Undo();
    List<Endpoint> eps = new ArrayList<>();
    String key = plan.mode().equals(SandboxPlan.HOST) ? hostNamespacePath
        : c.sandboxKey() != null ? c.sandboxKey() : host.path(c.id()).toString();
    boolean berthCreates = !plan.mode().equals(SandboxPlan.HOST) && c.sandboxKey() == null;
    // The namespace does not depend on any reservation: make it while ports and addresses are reserved.
    Future<Void> namespace = !berthCreates ? Future.succeededFuture()
        : hostOps.run("sandbox create " + c.id(), () -> host.create(c.id())).map(p -> {
          mark("netns", t0, c.id());
          undo.add("ip netns delete " + c.id(), () -> hostOps.run("sandbox delete", () -> {
            host.delete(c.id());
            return null;
          }));
          return null;
        });
    // Ports and addresses are reserved at the same time, each registering its undo once it holds something.
    Future<int[]> reserved = ports.reserve(c.id(), plan.ports()).onSuccess(p -> {
      mark("ports", t0, c.id());
      undo.add("release ports", () -> ports.release(c.id()));
    });
    Future<Void> addressed = Future.succeededFuture();
    for (int i = 0; i < plan.networks().size(); i++) {
      Network n = plan.networks().get(i);
      var a = plan.attachments().get(i);
      addressed = addressed.compose(x -> newEndpoint(n, c.id(), c.name(), a.aliases(), a.ipv4Address(),
          a.ipv6Address(), nextIfName(eps), a.driverOpts(), undo)).map(e -> {
        eps.add(e);
        return null;
      });
    }
    Future<Void> allocated = addressed;
    return Future.all(reserved, addressed).compose(all -> {
      int[] hostPorts = reserved.result();
      Future<Void> chain = Future.succeededFuture();
      chain = chain.compose(x -> {
        mark("ipam", t0, c.id());
        return namespace;
      });
      Endpoint[] gateway = new Endpoint[1];
      chain = chain.compose(x -> {
        // endpoints exist only now: their joins are chained once all addresses are reserved
        gateway[0] = gatewayEndpoint(eps);
        Future<Void> joins = Future.succeededFuture();
        for (Endpoint e : eps) {
          Network n = state.network(e.networkId());
          joins = joins.compose(y -> join(n, e, key, e == gateway[0], undo));
        }
        return joins;
      });
      List<PortMapping> mapped = new ArrayList<>();
      chain = chain.compose(x -> {
        mark("joined", t0, c.id());
        mapped.addAll(PortMappings.of(plan.ports(), hostPorts, gateway[0]));
        if (mapped.isEmpty()) {
          return Future.succeededFuture();
        }
        undo.add("firewall ports", () -> firewall.removePorts(c.id()));
        return firewall.putPorts(c.id(), PortMappings.rules(mapped));
      });
      return chain.compose(x -> {
        mark("firewall", t0, c.id());
        Sandbox s = new Sandbox(c.id(), c.name(), state.node(), key, berthCreates, plan.mode(),
            eps.stream().map(Endpoint::id).toList(), plan.ports(), mapped);
        return persist(s, eps, undo).map(s);
      });
    }).recover(e -> Future.join(namespace, reserved, allocated).transform(settled -> undo.rollback(e)));
  }

  private Future<Endpoint> newEndpoint(Network n, String containerId, String containerName, List<String> aliases,
                                       String ip4, String ip6, String ifName, Map<String, String> driverOpts,
                                       Undo undo) {
    String id = Ids.random();
    Map<String, String> sysctls;
    try {
      sysctls = ifName == null ? Map.of() : io.berth.network.domain.EndpointSysctls.parse(driverOpts, ifName);
    } catch (BerthException e) {
      return Future.failedFuture(e);
    }
    if (!networks.drivers().get(n.driver()).hasInterfaces()) {
      return Future.succeededFuture(new Endpoint(id, n.id(), n.name(), containerId, containerName, state.node(), null,
          null, null, null, null, null, null, aliases, 0, Map.of()));
    }
    Future<String> v4 = n.ipv4Pool() == null ? Future.succeededFuture(null) : ipam.allocate(n, true, ip4);
    return v4.recover(this::ipamError).compose(a4 -> {
      undo.add("release " + a4, () -> ipam.release(n, List.of(a4)));
      Future<String> v6 = n.ipv6Pool() == null ? Future.succeededFuture(null) : ipam.allocate(n, false, ip6);
      return v6.recover(this::ipamError).map(a6 -> {
        undo.add("release " + a6, () -> ipam.release(n, java.util.Collections.singletonList(a6)));
        return new Endpoint(id, n.id(), n.name(), containerId, containerName, state.node(), ifName,
            "vb" + id.substring(0, 12), Ids.mac(a4), a4, a6, gw(n.ipv4Pool()), gw(n.ipv6Pool()), aliases, 0,
            sysctls);
      });
    });
  }

  private <T> Future<T> ipamError(Throwable e) {
    if (e instanceof IpamException i) {
      return Future.failedFuture(i.conflict() ? new BerthException.InvalidRequest(i.getMessage())
          : new BerthException.InvalidRequest(i.getMessage()));
    }
    return Future.failedFuture(e);
  }

  private static String gw(io.berth.network.domain.IpamConfig c) {
    return c == null ? null : c.gateway();
  }

  private Future<Void> join(Network n, Endpoint e, String key, boolean defaultGateway, Undo undo) {
    if (e.hostIf() == null) {
      return Future.succeededFuture();
    }
    var driver = networks.drivers().get(n.driver());
    inFlight.add(e.hostIf());
    undo.add("in flight " + e.hostIf(), () -> {
      inFlight.remove(e.hostIf());
      return Future.succeededFuture();
    });
    return driver.createEndpoint(n, e).compose(x -> driver.join(n, e, key, defaultGateway)).map(x -> {
      undo.add("leave " + e.hostIf(), () -> driver.leave(n, e, false));
      return null;
    });
  }

  private Endpoint gatewayEndpoint(List<Endpoint> eps) {
    return eps.stream().filter(e -> e.ipv4() != null && !state.network(e.networkId()).internal()).findFirst()
        .orElse(eps.stream().filter(e -> e.ipv4() != null).findFirst().orElse(null));
  }

  private static String nextIfName(List<Endpoint> existing) {
    for (int i = 0; ; i++) {
      String name = "eth" + i;
      if (existing.stream().noneMatch(e -> name.equals(e.ifName()))) {
        return name;
      }
    }
  }

  /**
   * Stores the sandbox and announces it at the same time: one Kafka round trip instead of two on every attach. If the
   * write fails, the announcement is withdrawn with {@code sandbox.removed} and the rollback forgets what was stored.
   */
  private Future<Void> persist(Sandbox s, List<Endpoint> eps, Undo undo) {
    long t0 = System.nanoTime();
    undo.add("forget " + s.containerId(), () -> {
      List<Future<Void>> removals = new ArrayList<>();
      eps.forEach(e -> removals.add(state.remove(e)));
      removals.add(state.remove(s));
      return Future.all(removals).mapEmpty();
    });
    List<Future<Void>> writes = new ArrayList<>();
    eps.forEach(e -> writes.add(state.put(e)));
    writes.add(state.put(s));
    // in the state's index from here on
    eps.stream().map(Endpoint::hostIf).filter(Objects::nonNull).forEach(inFlight::remove);
    Future<Void> stored = Future.all(writes).<Void>mapEmpty().onSuccess(x -> mark("stored", t0, s.containerId()));
    Future<Void> announced = events.sandboxReady(s, eps, state::network);
    return Future.all(stored, announced).<Void>mapEmpty()
        .onComplete(x -> mark("published", t0, s.containerId()))
        .recover(e -> announced.transform(x -> events.sandboxRemoved(s, eps, state::network))
            .transform(x -> Future.failedFuture(e)));
  }

  /** Tears the container's sandbox down; an unknown container is already gone. Every error is reported. */
  public Future<Void> remove(String containerId) {
    return lanes.run(containerId, () -> {
      failures.remove(containerId);
      Sandbox s = state.sandbox(containerId);
      if (s == null || SharedSandboxes.retired(s)) {
        return Future.succeededFuture();
      }
      // others share the namespace (--network container:<id>): it stays until the last of them is removed
      boolean keepNamespace = !shared.users(containerId).isEmpty();
      List<String> errors = new ArrayList<>();
      List<Endpoint> eps = endpointsOf(s);
      Future<Void> chain = Future.succeededFuture();
      for (Endpoint e : eps) {
        chain = chain.compose(x -> leave(e, s.berthCreated() && !keepNamespace, errors));
      }
      if (!s.published().isEmpty()) {
        chain = chain.compose(x -> firewall.removePorts(containerId).otherwise(e -> {
          errors.add("firewall: " + e.getMessage());
          return null;
        }));
      }
      chain = chain.compose(x -> ports.release(containerId));
      if (s.berthCreated() && !keepNamespace) {
        chain = chain.compose(x -> hostOps.<Void>run("sandbox delete " + containerId, () -> {
          host.delete(containerId);
          return null;
        })).otherwise(e -> {
          errors.add("ip netns delete " + containerId + ": " + e.getMessage());
          return null;
        }).onComplete(x -> {
          if (sweeper != null) {
            sweeper.schedule();
          }
        });
      }
      return chain.compose(x -> {
        List<Future<Void>> writes = new ArrayList<>();
        eps.forEach(e -> writes.add(state.remove(e)));
        writes.add(keepNamespace ? state.put(SharedSandboxes.retire(s)) : state.remove(s));
        return Future.all(writes);
      }).compose(x -> shared.left(s)).compose(x -> events.sandboxRemoved(s, eps, state::network)).compose(x -> errors.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(new BerthException.Internal("sandbox " + containerId + " removed with errors: "
              + String.join("; ", errors))));
    });
  }

  /** Leaves the network and frees the endpoint's addresses; errors are collected, never stop the teardown. */
  private Future<Void> leave(Endpoint e, boolean sandboxGoing, List<String> errors) {
    Network n = state.network(e.networkId());
    if (n == null) {
      return Future.succeededFuture();
    }
    var driver = networks.drivers().get(n.driver());
    return driver.leave(n, e, sandboxGoing)
        .compose(x -> driver.deleteEndpoint(n, e))
        .otherwise(err -> {
          errors.add("leave " + n.name() + ": " + err.getMessage());
          return null;
        })
        .compose(x -> ipam.release(n, java.util.Arrays.asList(e.ipv4(), e.ipv6())));
  }

  public List<Endpoint> endpointsOf(Sandbox s) {
    return s.endpoints().stream().map(state::endpoint).filter(Objects::nonNull).toList();
  }

  /** Docker's container lookup among this node's sandboxes: id, name, unique id prefix. */
  public Sandbox resolveContainer(String ref) {
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    Sandbox s = state.sandbox(ref);
    if (s != null && !SharedSandboxes.retired(s)) {
      return s;
    }
    List<Sandbox> live = state.sandboxes().stream().filter(x -> !SharedSandboxes.retired(x)).toList();
    for (Sandbox x : live) {
      if (name.equals(x.containerName())) {
        return x;
      }
    }
    List<Sandbox> prefixed = live.stream().filter(x -> x.containerId().startsWith(ref)).toList();
    if (prefixed.size() == 1) {
      return prefixed.get(0);
    }
    throw BerthException.notFound("No such container: %s", ref);
  }

  /** {@code docker network connect}: a new endpoint on a running sandbox. */
  public Future<Endpoint> connect(String networkRef, String containerRef, List<String> aliases, String ip4,
                                  String ip6, Map<String, String> driverOpts) {
    Network n = networks.resolve(networkRef);
    Sandbox s0 = resolveContainer(containerRef);
    return lanes.run(s0.containerId(), () -> {
      Sandbox s = state.sandbox(s0.containerId());
      if (s == null) {
        throw BerthException.notFound("No such container: %s", containerRef);
      }
      if (s.hostMode() || "none".equals(s.mode()) || SharedSandboxes.shares(s)
          || !networks.drivers().get(n.driver()).hasInterfaces()) {
        throw BerthException.invalid("container sharing network namespace with another container or host cannot be "
            + "connected to any other network");
      }
      List<Endpoint> eps = endpointsOf(s);
      if (eps.stream().anyMatch(e -> e.networkId().equals(n.id()))) {
        throw BerthException.forbidden("endpoint with name %s already exists in network %s", s.containerName(),
            n.name());
      }
      Undo undo = new Undo();
      boolean needsGateway = !n.internal() && eps.stream()
          .noneMatch(e -> e.ipv4() != null && !state.network(e.networkId()).internal());
      return newEndpoint(n, s.containerId(), s.containerName(), aliases, ip4, ip6, nextIfName(eps), driverOpts, undo)
          .compose(e -> join(n, e, s.key(), needsGateway, undo).map(e))
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
    Network n = networks.resolve(networkRef);
    Sandbox s0 = resolveContainer(containerRef);
    return lanes.run(s0.containerId(), () -> {
      Sandbox s = state.sandbox(s0.containerId());
      Endpoint e = s == null ? null : endpointsOf(s).stream().filter(x -> x.networkId().equals(n.id())).findFirst()
          .orElse(null);
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
      return ports0.compose(x -> leave(e, false, errors)).compose(x -> {
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
