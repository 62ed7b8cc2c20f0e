package io.berth.network;

import io.berth.events.Topics;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.berth.network.api.NetworkApi;
import io.berth.network.domain.StateEntry;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.LocalOnlyDriver;
import io.berth.network.driver.bridge.BridgeDriver;
import io.berth.network.events.ContainerEventsConsumer;
import io.berth.network.events.NetworkEvents;
import io.berth.network.host.Firewall;
import io.berth.network.host.HostNetwork;
import io.berth.network.host.NodeNamespace;
import io.berth.network.host.SandboxHost;
import io.berth.network.host.SpareNamespaces;
import io.berth.network.ipam.DefaultPools;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.SubnetPlanner;
import io.berth.network.ports.PortAllocator;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network service: Docker's network API, CNM sandboxes and endpoints driven by container events, the bridge
 * driver with IPAM, isolation and port publishing. Start order: load the state, reconcile the host, make the
 * predefined networks, serve, then consume container events.
 */
public final class NetworkService implements ServiceModule {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkService.class);
  /** Namespaces kept ready for sandboxes: enough for a burst of starts while the next ones are made. */
  private static final int SPARE_NAMESPACES = 8;

  private final NodeNamespace hostNamespace;
  private HostNetwork host;
  private NetworkController networks;
  private SandboxController sandboxes;
  private Firewall firewall;
  private SpareNamespaces spares;
  private LinkSweeper sweeper;
  private Reconciler.Report lastReconcile;

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

  @Override
  public Future<Void> start(ServiceContext ctx) {
    var cfg = ctx.config();
    NodeNamespace ns = hostNamespace != null ? hostNamespace : NodeNamespace.current();
    host = new HostNetwork(ns, cfg.execRoot().resolve("netns"));
    firewall = host.firewall(ctx.hostOps());
    SandboxHost sandboxHost = new SandboxHost(host);
    int mtu = cfg.mtu().orElse(0);
    BridgeDriver bridge = new BridgeDriver(host, sandboxHost, firewall, ctx.hostOps(), mtu);
    DriverRegistry drivers = new DriverRegistry().register(bridge).register(LocalOnlyDriver.host())
        .register(LocalOnlyDriver.none());
    NetworkState state = new NetworkState(ctx.stateStore(Topics.NETWORK_STATE, NetworkState.MAP, StateEntry.class),
        ctx.node());
    // Pools and port tables change only inside entry processors: keep them as objects, so a processor does not
    // deserialize and serialize the whole pool on every allocation.
    for (String map : List.of(Ipam.MAP, PortAllocator.MAP)) {
      ctx.hazelcast().getConfig().addMapConfig(new com.hazelcast.config.MapConfig(map)
          .setInMemoryFormat(com.hazelcast.config.InMemoryFormat.OBJECT));
    }
    Ipam ipam = new Ipam(ctx.vertx(), ctx.hazelcast().getMap(Ipam.MAP));
    PortAllocator ports = new PortAllocator(ctx.vertx(), ctx.hazelcast().getMap(PortAllocator.MAP), ctx.node());
    NetworkEvents events = new NetworkEvents(ctx.events(), ctx.node());
    SubnetPlanner planner = new SubnetPlanner(pools(cfg.defaultAddressPools()));
    networks = new NetworkController(state, drivers, ipam, planner, events, host, ctx.hostOps());
    String hostNsPath = "/proc/" + ProcessHandle.current().pid() + "/ns/net";
    sandboxes = new SandboxController(state, networks, ipam, ports, firewall, sandboxHost, ctx.hostOps(), events,
        hostNamespace != null ? hostNamespace.path() : hostNsPath);
    sweeper = new LinkSweeper(ctx.vertx(), ctx.hostOps(), host, state, sandboxes.inFlight());
    sandboxes.sweeper(sweeper);
    Reconciler reconciler = new Reconciler(state, ipam, ports, bridge, firewall, host, sandboxHost, ctx.hostOps(),
        events);
    ServiceHttp http = new ServiceHttp(ctx, name());
    new NetworkApi(networks, sandboxes).mount(http.router());
    ContainerEventsConsumer consumer = new ContainerEventsConsumer(sandboxes, ctx.node());
    return ctx.hostOps().run("sysctl net.ipv4.ip_forward=1", () -> {
          host.enableForwarding(true);
          return null;
        })
        .compose(x -> state.load())
        .compose(x -> reconciler.run())
        .compose(report -> {
          lastReconcile = report;
          return networks.ensurePredefined(cfg.bip(), cfg.mtu());
        })
        .compose(x -> ctx.hostOps().run("spare namespaces", () -> {
          spares = host.spares(SPARE_NAMESPACES);
          spares.start();
          sandboxHost.spares(spares);
          return null;
        }))
        .compose(x -> http.listen("127.0.0.1", 0))
        .onSuccess(server -> LOG.info("network API listening on 127.0.0.1:{}", server.actualPort()))
        .compose(server -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-network-" + ctx.node(),
            consumer::handle))
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

  public SandboxController sandboxes() {
    return sandboxes;
  }

  public Firewall firewall() {
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
    if (sweeper != null) {
      sweeper.stop();
    }
    if (spares != null) {
      spares.close();
    }
    if (host != null) {
      host.close();
    }
    return Future.succeededFuture();
  }
}
