package io.berth.network.fakes;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.tracing.HostOps;
import io.berth.network.cluster.LocalEntries;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkSpec;
import io.berth.network.domain.StateEntry;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.HostDriver;
import io.berth.network.driver.NullDriver;
import io.berth.network.driver.bridge.BridgeDriver;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.ipam.DefaultPools;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.SubnetPlanner;
import io.berth.network.networks.NetworkController;
import io.berth.network.ports.PortAllocator;
import io.berth.network.sandbox.EndpointAllocator;
import io.berth.network.sandbox.EndpointAttachments;
import io.berth.network.sandbox.InFlightLinks;
import io.berth.network.sandbox.SandboxLookup;
import io.berth.network.sandbox.SandboxSetup;
import io.berth.network.sandbox.SetupFailures;
import io.berth.network.state.NetworkState;
import io.berth.testing.fakes.MemoryEventBus;
import io.berth.testing.fakes.MemoryStateStore;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The network service's controllers wired as NetworkService wires them, on in-memory host, firewall, state, cluster
 * maps and event bus: no root, Kafka or Hazelcast.
 */
public final class NetworkFixture implements AutoCloseable {
  public static final String NODE = "n1";

  public final Vertx vertx = Vertx.vertx();
  public final HostOps hostOps = new HostOps(vertx, OpenTelemetry.noop());
  public final MemoryHostNetwork host = new MemoryHostNetwork();
  public final MemorySandboxHost sandboxHost = new MemorySandboxHost(host, Path.of("/run/test/netns"));
  public final MemoryFirewall firewall = new MemoryFirewall();
  public final MemoryStateStore<StateEntry> store = new MemoryStateStore<>(StateEntry.class);
  public final MemoryEventBus bus = new MemoryEventBus();
  public final NetworkState state = new NetworkState(store, NODE);
  public final BridgeDriver bridge = new BridgeDriver(host, sandboxHost, firewall, hostOps, 0);
  public final DriverRegistry drivers = new DriverRegistry().register(bridge).register(new HostDriver())
      .register(new NullDriver());
  public final Ipam ipam = new Ipam(new LocalEntries<>());
  public final PortAllocator ports = new PortAllocator(new LocalEntries<>(), NODE);
  public final NetworkEventsPublisher events = new NetworkEventsPublisher(bus, NODE);
  public final NetworkController networks = new NetworkController(state, drivers, ipam,
      new SubnetPlanner(DefaultPools.docker()), events, () -> Future.succeededFuture(host.prefixesInUse()));
  public final KeyedLanes lanes = new KeyedLanes();
  public final InFlightLinks inFlight = new InFlightLinks();
  public final SetupFailures failures = new SetupFailures();
  public final SandboxLookup lookup = new SandboxLookup(state);
  public final EndpointAllocator allocator = new EndpointAllocator(drivers, ipam, NODE);
  public final SandboxSetup setup = new SandboxSetup(state, networks::forContainer, allocator, drivers, ports,
      firewall, sandboxHost, hostOps, events, lanes, failures, inFlight, lookup, "/proc/1/ns/net");
  public final EndpointAttachments attachments = new EndpointAttachments(state, networks::resolve, lookup, drivers,
      allocator, ports, firewall, events, lanes, inFlight);

  public NetworkFixture() {
    await(networks.ensurePredefined(Optional.empty(), Optional.empty()));
    bus.clear();
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new RuntimeException(e.getCause());
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }

  /** A user-defined bridge network with the given subnets (IPv6 ones turn IPv6 on). */
  public Network network(String name, String... subnets) {
    List<IpamConfig> pools = java.util.Arrays.stream(subnets).map(s -> new IpamConfig(s, null, null, Map.of()))
        .toList();
    boolean v6 = pools.stream().anyMatch(IpamConfig::v6);
    boolean v4 = pools.isEmpty() || pools.stream().anyMatch(c -> !c.v6());
    return await(networks.create(new NetworkSpec(name, "bridge", false, false, false, false, v4, v6, null, pools,
        Map.of(), Map.of(), Map.of())));
  }

  public static String id(int n) {
    return String.format("%064x", 0xc0ffee000L + n);
  }

  /** Container {@code c<n>} on the given networks, with host port {@code hostPort} -> 80 if not null. */
  public static ContainerCreated container(int n, String network, String hostPort) {
    return new ContainerCreated(id(n), "c" + n, NODE, "busybox", null, null, "2026-12-02T00:00:00Z", null, null,
        network, List.of(new NetworkAttachment(network, null, null, null, null, null)),
        hostPort == null ? List.of() : List.of(new PortBinding(80, null, "", hostPort)), false, null, null, null,
        null, null, false, null, null, false, null, null);
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
