package io.berth.network;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import io.berth.events.Topics;
import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.berth.kit.tracing.HostOps;
import io.berth.network.api.NetworkApi;
import io.berth.network.api.NetworkApiVerticle;
import io.berth.network.cluster.HazelcastEntries;
import io.berth.network.domain.StateEntry;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.HostDriver;
import io.berth.network.driver.NullDriver;
import io.berth.network.driver.bridge.BridgeDriver;
import io.berth.network.events.ContainerEventsConsumer;
import io.berth.network.events.NetworkEventsVerticle;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.NetlinkHostNetwork;
import io.berth.network.host.NetnsSandboxHost;
import io.berth.network.host.NftablesFirewall;
import io.berth.network.host.NodeNamespace;
import io.berth.network.host.SpareNamespaces;
import io.berth.network.ipam.DefaultPools;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.SubnetPlanner;
import io.berth.network.networks.NetworkController;
import io.berth.network.ports.PortAllocator;
import io.berth.network.reconcile.Reconciler;
import io.berth.network.sandbox.EndpointAllocator;
import io.berth.network.sandbox.EndpointAttachments;
import io.berth.network.sandbox.InFlightLinks;
import io.berth.network.sandbox.LinkSweeper;
import io.berth.network.sandbox.SandboxLookup;
import io.berth.network.sandbox.SandboxSetup;
import io.berth.network.sandbox.SetupFailures;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network service: Docker's network API, CNM sandboxes and endpoints driven by container events, the bridge
 * driver with IPAM, isolation and port publishing. Start order: load the state, reconcile the host, make the
 * predefined networks, serve ({@link NetworkApiVerticle}), then consume container events
 * ({@link NetworkEventsVerticle}).
 */
public final class NetworkService implements ServiceModule {
  /** Namespaces kept ready for sandboxes: enough for a burst of starts while the next ones are made. */
  private static final int SPARE_NAMESPACES = 8;

  private final NodeNamespace hostNamespace;
  private NetlinkHostNetwork host;
  private NetworkController networks;
  private SandboxSetup setup;
  private EndpointAttachments attachments;
  private SandboxLookup lookup;
  private NftablesFirewall firewall;
  private SpareNamespaces spares;
  private LinkSweeper sweeper;
  private Reconciler.Report lastReconcile;
  private Vertx vertx;
  /** The verticles deployed, consumer last: undeployed newest first on stop. */
  private final List<String> deployments = new CopyOnWriteArrayList<>();

  /** Acts on the namespace the node runs in. */
  public NetworkService() {
    this(null);
  }

  /** Acts on the given namespace as "the host" (in-JVM tests use a lab namespace). */
  public NetworkService(NodeNamespace hostNamespace) {
    this.hostNamespace = hostNamespace;
  }

  @Override
  public String name() {
    return "network";
  }

  /**
   * Pools and port tables change only inside entry processors: kept as objects, so a processor does not deserialize
   * and serialize the whole pool on every allocation.
   */
  @Override
  public List<MapConfig> mapConfigs() {
    return Stream.of(Ipam.MAP, PortAllocator.MAP)
        .map(m -> new MapConfig(m).setInMemoryFormat(InMemoryFormat.OBJECT)).toList();
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    var cfg = ctx.config();
    vertx = ctx.vertx();
    HostOps hostOps = ctx.hostOps();
    NodeNamespace ns = hostNamespace != null ? hostNamespace : NodeNamespace.current();
    host = new NetlinkHostNetwork(ns, cfg.execRoot().resolve("netns"));
    firewall = host.firewall(hostOps);
    NetnsSandboxHost sandboxHost = new NetnsSandboxHost(host);
    int mtu = cfg.mtu().orElse(0);
    BridgeDriver bridge = new BridgeDriver(host, sandboxHost, firewall, hostOps, mtu);
    DriverRegistry drivers = new DriverRegistry().register(bridge).register(new HostDriver())
        .register(new NullDriver());
    NetworkState state = new NetworkState(ctx.stateStore(Topics.NETWORK_STATE, NetworkState.MAP, StateEntry.class),
        ctx.node());
    Ipam ipam = new Ipam(new HazelcastEntries<>(ctx.vertx(), ctx.hazelcast().getMap(Ipam.MAP)));
    PortAllocator ports = new PortAllocator(new HazelcastEntries<>(ctx.vertx(),
        ctx.hazelcast().getMap(PortAllocator.MAP)), ctx.node());
    NetworkEventsPublisher events = new NetworkEventsPublisher(ctx.events(), ctx.node());
    SubnetPlanner planner = new SubnetPlanner(pools(cfg.defaultAddressPools()));
    networks = new NetworkController(state, drivers, ipam, planner, events,
        () -> hostOps.run("ip route show; ip addr show", host::prefixesInUse));
    String hostNsPath = hostNamespace != null ? hostNamespace.path()
        : "/proc/" + ProcessHandle.current().pid() + "/ns/net";
    KeyedLanes containers = new KeyedLanes();
    InFlightLinks inFlight = new InFlightLinks();
    SetupFailures failures = new SetupFailures();
    lookup = new SandboxLookup(state);
    EndpointAllocator allocator = new EndpointAllocator(drivers, ipam, ctx.node());
    setup = new SandboxSetup(state, networks::forContainer, allocator, drivers, ports, firewall, sandboxHost,
        hostOps, events, containers, failures, inFlight, lookup, hostNsPath);
    attachments = new EndpointAttachments(state, networks::resolve, lookup, drivers, allocator, ports, firewall,
        events, containers, inFlight);
    sweeper = new LinkSweeper(ctx.vertx(), hostOps, host, state, inFlight);
    setup.afterNamespaceDeleted(sweeper::schedule);
    Reconciler reconciler = new Reconciler(state, ipam, ports, drivers, firewall, host, sandboxHost, hostOps, events);
    ServiceHttp http = new ServiceHttp(ctx, name());
    NetworkApiVerticle api = new NetworkApiVerticle(http, new NetworkApi(networks, setup, attachments, lookup,
        failures));
    NetworkEventsVerticle consumer = new NetworkEventsVerticle(ctx.events(), ctx.node(),
        new ContainerEventsConsumer(setup, ctx.node()));
    return hostOps.run("sysctl net.ipv4.ip_forward=1", () -> host.enableForwarding(true))
        .compose(x -> state.load())
        .compose(x -> reconciler.run())
        .compose(report -> {
          lastReconcile = report;
          return networks.ensurePredefined(cfg.bip(), cfg.mtu());
        })
        .compose(x -> hostOps.run("spare namespaces", () -> {
          spares = host.spares(SPARE_NAMESPACES);
          spares.start();
          sandboxHost.spares(spares);
          return null;
        }))
        // serve, then consume: each on the verticle's own context
        .compose(x -> ctx.vertx().deployVerticle(api)).onSuccess(deployments::add)
        .compose(x -> ctx.vertx().deployVerticle(consumer)).onSuccess(deployments::add)
        .mapEmpty();
  }

  private static DefaultPools pools(List<io.vertx.core.json.JsonObject> configured) {
    if (configured.isEmpty()) {
      return DefaultPools.docker();
    }
    return DefaultPools.of(configured.stream().map(o -> new DefaultPools.Pool(o.getString("base"),
        o.getInteger("size", 24))).toList());
  }

  public NetworkController networks() {
    return networks;
  }

  /** Sandbox set-up and removal (what container events drive). */
  public SandboxSetup setup() {
    return setup;
  }

  /** {@code docker network connect/disconnect}. */
  public EndpointAttachments attachments() {
    return attachments;
  }

  /** This node's sandboxes by Docker's container lookup. */
  public SandboxLookup sandboxes() {
    return lookup;
  }

  public NftablesFirewall firewall() {
    return firewall;
  }

  public Reconciler.Report lastReconcile() {
    return lastReconcile;
  }

  /** The sandbox namespaces' directory. */
  public Path sandboxDir() {
    return host.sandboxDir();
  }

  /** Undoes the shared bind mount on the sandbox directory (tests; production keeps it, as ip netns does). */
  public void releaseSandboxDir() {
    host.releaseSandboxDir();
  }

  @Override
  public Future<Void> stop() {
    // no event or request may reach the host once its netlink socket closes
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(x -> vertx.undeploy(id).otherwise((Void) null));
    }
    deployments.clear();
    return undeployed.onComplete(x -> {
      if (sweeper != null) {
        sweeper.stop();
      }
      if (spares != null) {
        spares.close();
      }
      if (host != null) {
        host.close();
      }
    });
  }
}
