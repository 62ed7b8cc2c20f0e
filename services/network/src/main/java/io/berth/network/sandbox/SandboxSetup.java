package io.berth.network.sandbox;

import io.berth.kit.steps.Rollback;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.errors.BerthException;
import io.berth.kit.events.Retriable;
import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkMode;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.Sandbox;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.Firewall;
import io.berth.network.host.SandboxHost;
import io.berth.network.ports.PortAllocator;
import io.berth.network.ports.PortTable;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up and removes this node's containers' sandboxes (libnetwork's {@code NewSandbox} plus a {@code Join} per
 * network). Creating one reserves everything first (ports, addresses — cluster-wide, atomically), then programs the
 * host (namespace, one veth per network, firewall), then stores and announces; a failure anywhere undoes what was
 * done, reports every error and is kept in {@link SetupFailures}. Work on one container runs one step at a time
 * (its lane, shared with {@link EndpointAttachments}); containers proceed in parallel.
 */
public final class SandboxSetup {
  /** Per-phase timings of sandbox set-up at TRACE (logger {@code io.berth.network.phases}), for profiling. */
  private static final Logger PHASES = LoggerFactory.getLogger("io.berth.network.phases");

  private final NetworkState state;
  private final Function<String, Network> networks;
  private final EndpointAllocator allocator;
  private final EndpointJoiner joiner;
  private final PortAllocator ports;
  private final Firewall firewall;
  private final SandboxHost host;
  private final HostOps hostOps;
  private final NetworkEventsPublisher events;
  private final KeyedLanes lanes;
  private final SetupFailures failures;
  private final InFlightLinks inFlight;
  private final SharedSandboxes shared;
  private final String hostNamespacePath;
  private Runnable afterNamespaceDeleted = () -> { };

  /**
   * @param networks          Docker's network lookup for a container's attachments ({@code default} = the default
   *                          bridge)
   * @param hostNamespacePath the {@code SandboxKey} of containers in {@code host} mode
   */
  public SandboxSetup(NetworkState state, Function<String, Network> networks, EndpointAllocator allocator,
                      DriverRegistry drivers, PortAllocator ports, Firewall firewall, SandboxHost host,
                      HostOps hostOps, NetworkEventsPublisher events, KeyedLanes lanes, SetupFailures failures,
                      InFlightLinks inFlight, SandboxLookup lookup, String hostNamespacePath) {
    this.state = state;
    this.networks = networks;
    this.allocator = allocator;
    this.joiner = new EndpointJoiner(drivers, inFlight);
    this.ports = ports;
    this.firewall = firewall;
    this.host = host;
    this.hostOps = hostOps;
    this.events = events;
    this.lanes = lanes;
    this.failures = failures;
    this.inFlight = inFlight;
    this.hostNamespacePath = hostNamespacePath;
    this.shared = new SharedSandboxes(state, lookup, host, hostOps, events);
  }

  /** Runs after a removal deleted a namespace (the {@link LinkSweeper} then looks for veths it left). */
  public void afterNamespaceDeleted(Runnable r) {
    this.afterNamespaceDeleted = r;
  }

  /** Sets up the container's sandbox; an existing one is returned as it is (replayed events). */
  public Future<Sandbox> create(ContainerCreated c) {
    return lanes.run(c.id(), () -> {
      Sandbox existing = state.sandbox(c.id());
      if (existing != null) {
        return Future.succeededFuture(existing);
      }
      // composed, so a refusal thrown while planning is recorded like any other failure
      return Future.succeededFuture(c).compose(this::build).onSuccess(s -> failures.clear(c.id()))
          .recover(e -> failed(c, e));
    });
  }

  /**
   * A set-up that failed for good (a refusal, a host failure) is kept for {@code GET /sandboxes} and announced as
   * {@code sandbox.failed} with Docker's status and message; a transient one ({@link Retriable#isRetriable}) is neither: it is
   * retried. The future still fails with the error.
   */
  private Future<Sandbox> failed(ContainerCreated c, Throwable e) {
    if (Retriable.isRetriable(e)) {
      return Future.failedFuture(e);
    }
    BerthException b = failures.record(c.id(), e);
    return events.sandboxFailed(c.id(), b.status(), b.getMessage()).transform(x -> Future.failedFuture(b));
  }

  static void mark(String what, long t0, String id) {
    if (PHASES.isTraceEnabled()) {
      PHASES.trace("{} {} {} ms", id.substring(0, 12), what, String.format("%.2f", (System.nanoTime() - t0) / 1e6));
    }
  }

  private Future<Sandbox> build(ContainerCreated c) {
    String owner = NetworkMode.sharedWith(c.networkMode());
    if (owner != null) {
      return shared.join(c, owner);
    }
    long t0 = System.nanoTime();
    SandboxPlan plan = SandboxPlan.of(c, networks);
    Rollback undo = new Rollback();
    List<Endpoint> eps = new ArrayList<>();
    boolean hostMode = plan.mode().equals(NetworkMode.HOST);
    String key = hostMode ? hostNamespacePath : c.sandboxKey() != null ? c.sandboxKey() : host.path(c.id()).toString();
    boolean berthCreates = !hostMode && c.sandboxKey() == null;
    // The namespace does not depend on any reservation: make it while ports and addresses are reserved.
    Future<Void> namespace = !berthCreates ? Future.succeededFuture()
        : hostOps.run("sandbox create " + c.id(), () -> host.create(c.id())).map(p -> {
          mark("netns", t0, c.id());
          undo.add("ip netns delete " + c.id(), () -> hostOps.run("sandbox delete", () -> host.delete(c.id())));
          return null;
        });
    // Ports and addresses are reserved at the same time, each registering its undo once it holds something.
    Future<int[]> reserved = ports.reserve(c.id(), plan.ports()).onSuccess(p -> {
      mark("ports", t0, c.id());
      undo.add("release ports", () -> ports.release(c.id()));
    }).recover(e -> Future.failedFuture(e instanceof PortTable.PortConflict
        ? externalConnectivityFailed(c, plan, e) : e));
    Future<Void> addressed = Future.succeededFuture();
    for (int i = 0; i < plan.networks().size(); i++) {
      NetworkAttachment a = plan.attachments().get(i);
      EndpointAllocator.Request r = new EndpointAllocator.Request(plan.endpointIds().get(i), plan.networks().get(i),
          c.id(), c.name(), a.aliases(), a.ipv4Address(), a.ipv6Address(), null, a.driverOpts());
      addressed = addressed.compose(x -> allocator.allocate(withInterface(r, eps), undo)).map(e -> {
        eps.add(e);
        return null;
      });
    }
    Future<Void> allocated = addressed;
    return Future.all(reserved, addressed).compose(all -> {
      mark("ipam", t0, c.id());
      return namespace;
    }).compose(x -> {
      // endpoints exist only now: their joins are chained once all addresses are reserved
      Endpoint gateway = SandboxPlan.gateway(eps, state::network);
      Future<Void> joins = Future.succeededFuture();
      for (Endpoint e : eps) {
        Network n = state.network(e.networkId());
        joins = joins.compose(y -> joiner.join(n, e, key, e == gateway, undo));
      }
      return joins.compose(y -> {
        mark("joined", t0, c.id());
        List<PortMapping> mapped = plan.published(reserved.result(), gateway);
        Future<Void> fw = Future.succeededFuture();
        if (!mapped.isEmpty()) {
          undo.add("firewall ports", () -> firewall.removePorts(c.id()));
          fw = firewall.putPorts(c.id(), PortMappings.rules(mapped));
        }
        return fw.compose(z -> {
          mark("firewall", t0, c.id());
          Sandbox s = new Sandbox(c.id(), c.name(), state.node(), key, berthCreates, plan.mode().wire(),
              eps.stream().map(Endpoint::id).toList(), plan.ports(), mapped);
          return persist(s, eps, undo).map(s);
        });
      });
    }).recover(e -> Future.join(namespace, reserved, allocated).transform(settled -> undo.rollback(e)));
  }

  /**
   * Docker's error for a port already allocated: libnetwork's {@code programExternalConnectivity} wraps the port
   * allocator's refusal as an internal error (500) naming the endpoint (the container's name and the endpoint id).
   */
  private static BerthException externalConnectivityFailed(ContainerCreated c, SandboxPlan plan, Throwable e) {
    return new BerthException.Internal("driver failed programming external connectivity on endpoint " + c.name()
        + " (" + plan.publishingEndpointId() + "): " + e.getMessage(), e);
  }

  /** The request with the next free interface name among the endpoints allocated so far. */
  private static EndpointAllocator.Request withInterface(EndpointAllocator.Request r, List<Endpoint> eps) {
    return new EndpointAllocator.Request(r.id(), r.network(), r.containerId(), r.containerName(), r.aliases(),
        r.ipv4(), r.ipv6(), SandboxPlan.nextInterfaceName(eps), r.driverOpts());
  }

  /**
   * Stores the sandbox and announces it at the same time: one Kafka round trip instead of two on every attach. If the
   * write fails, the announcement is withdrawn with {@code sandbox.removed} and the rollback forgets what was stored.
   */
  private Future<Void> persist(Sandbox s, List<Endpoint> eps, Rollback undo) {
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
    // the state's index covers the links from here on
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
      failures.clear(containerId);
      Sandbox s = state.sandbox(containerId);
      if (s == null || s.retired()) {
        return Future.succeededFuture();
      }
      // others share the namespace (--network container:<id>): it stays until the last of them is removed
      boolean keepNamespace = !shared.users(containerId).isEmpty();
      boolean namespaceGoes = s.berthCreated() && !keepNamespace;
      List<String> errors = new ArrayList<>();
      List<Endpoint> eps = s.endpoints().stream().map(state::endpoint).filter(Objects::nonNull).toList();
      Future<Void> chain = Future.succeededFuture();
      for (Endpoint e : eps) {
        chain = chain.compose(x -> leave(e, namespaceGoes, errors));
      }
      if (!s.published().isEmpty()) {
        chain = chain.compose(x -> firewall.removePorts(containerId).otherwise(e -> {
          errors.add("firewall: " + e.getMessage());
          return null;
        }));
      }
      chain = chain.compose(x -> ports.release(containerId));
      if (namespaceGoes) {
        chain = chain.compose(x -> hostOps.run("sandbox delete " + containerId, () -> host.delete(containerId))).otherwise(e -> {
          errors.add("ip netns delete " + containerId + ": " + e.getMessage());
          return null;
        }).onComplete(x -> afterNamespaceDeleted.run());
      }
      return chain.compose(x -> {
        List<Future<Void>> writes = new ArrayList<>();
        eps.forEach(e -> writes.add(state.remove(e)));
        writes.add(keepNamespace ? state.put(SharedSandboxes.retire(s)) : state.remove(s));
        return Future.all(writes);
      }).compose(x -> shared.left(s)).compose(x -> events.sandboxRemoved(s, eps, state::network))
          .compose(x -> errors.isEmpty() ? Future.succeededFuture()
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
    return joiner.leave(n, e, sandboxGoing).otherwise(err -> {
      errors.add("leave " + n.name() + ": " + err.getMessage());
      return null;
    }).compose(x -> allocator.release(n, e));
  }
}
