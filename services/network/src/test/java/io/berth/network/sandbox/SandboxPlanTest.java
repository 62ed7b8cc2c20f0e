package io.berth.network.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The plan is pure: networks come from a lookup function, nothing is allocated. */
class SandboxPlanTest {
  static Network net(String name, String driver, boolean internal, String... subnets) {
    List<IpamConfig> pools = java.util.Arrays.stream(subnets).map(s -> new IpamConfig(s, null, null, Map.of()))
        .toList();
    return new Network(name + "-".repeat(64 - name.length()), name, driver, "local", "n1", "t", true, false,
        "default", pools, Map.of(), internal, false, false, Map.of(), Map.of(), null, false);
  }

  static final Network INTERNAL = net("back", "bridge", true, "10.1.0.0/24");
  static final Network FRONT = net("front", "bridge", false, "10.2.0.0/24", "fd00:2::/64");
  static final Network V6 = net("v6", "bridge", false, "fd00:3::/64");
  static final Network HOST = net("host", "host", false);
  static final Network NONE = net("none", "null", false);
  static final Map<String, Network> ALL = Map.of("back", INTERNAL, "front", FRONT, "v6", V6, "host", HOST,
      "none", NONE);
  static final Function<String, Network> LOOKUP = ref -> {
    Network n = ALL.get(ref);
    if (n == null) {
      throw BerthException.notFound("network %s not found", ref);
    }
    return n;
  };

  static ContainerCreated container(List<String> networks, List<PortBinding> ports) {
    return new ContainerCreated("a".repeat(64), "c", "n1", "busybox", null, null, "t", null, null, networks.get(0),
        networks.stream().map(n -> new NetworkAttachment(n, null, null, null, null, null)).toList(), ports, false,
        null, null, null, null, null, false, null, null, false, null, null);
  }

  @Test
  void theGatewayIsTheFirstNetworkThatReachesOut() {
    SandboxPlan p = SandboxPlan.of(container(List.of("back", "front"), List.of()), LOOKUP);
    assertEquals(NetworkMode.BRIDGE, p.mode());
    assertEquals(List.of(INTERNAL, FRONT), p.networks());
    assertEquals(1, p.gatewayIndex());
    assertEquals(p.endpointIds().get(1), p.publishingEndpointId());
    assertEquals(2, p.endpointIds().stream().distinct().count());
    assertEquals(0, SandboxPlan.of(container(List.of("back"), List.of()), LOOKUP).gatewayIndex(),
        "an internal network when nothing else has IPv4");
    assertEquals(-1, SandboxPlan.of(container(List.of("v6"), List.of()), LOOKUP).gatewayIndex());
  }

  @Test
  void anAddresslessPublicationIsDualStackWhenTheGatewayHasIpv6() {
    SandboxPlan p = SandboxPlan.of(container(List.of("front"), List.of(new PortBinding(80, null, "", "8080"))),
        LOOKUP);
    assertEquals(2, p.ports().size());
    assertEquals("0.0.0.0", p.ports().get(0).hostIp());
    assertEquals("::", p.ports().get(1).hostIp());
    SandboxPlan v4 = SandboxPlan.of(container(List.of("back"), List.of(new PortBinding(80, null, "", "8080"))),
        LOOKUP);
    assertEquals(1, v4.ports().size());
  }

  @Test
  void hostAndNoneStandAlone() {
    assertEquals(NetworkMode.HOST, SandboxPlan.of(container(List.of("host"), List.of()), LOOKUP).mode());
    assertEquals(NetworkMode.NONE, SandboxPlan.of(container(List.of("none"), List.of()), LOOKUP).mode());
    assertTrue(SandboxPlan.of(container(List.of("host"), List.of(new PortBinding(80, null, "", "80"))), LOOKUP)
        .ports().isEmpty(), "no publications in host mode");
    assertEquals("container sharing network namespace with another container or host cannot be connected to any "
        + "other network", assertThrows(BerthException.class,
        () -> SandboxPlan.of(container(List.of("host", "front"), List.of()), LOOKUP)).getMessage());
    assertEquals("container cannot be connected to multiple networks with one of the networks in private (none) "
        + "mode", assertThrows(BerthException.class,
        () -> SandboxPlan.of(container(List.of("front", "none"), List.of()), LOOKUP)).getMessage());
  }

  @Test
  void refusalsAreDockers() {
    assertEquals("container cannot be connected to network front twice", assertThrows(BerthException.class,
        () -> SandboxPlan.of(container(List.of("front", "front"), List.of()), LOOKUP)).getMessage());
    assertEquals(404, assertThrows(BerthException.class,
        () -> SandboxPlan.of(container(List.of("nosuch"), List.of()), LOOKUP)).status());
  }

  static Endpoint endpoint(Network n, String ifName, String ipv4) {
    return new Endpoint(ifName + "-".repeat(60), n.id(), n.name(), "c", "c", "n1", ifName, null, null, ipv4, null,
        null, null, List.of(), 0, Map.of());
  }

  @Test
  void theGatewayEndpointAndTheDefaultRouteOfAConnect() {
    Function<String, Network> byId = id -> ALL.values().stream().filter(n -> n.id().equals(id)).findFirst()
        .orElse(null);
    Endpoint back = endpoint(INTERNAL, "eth0", "10.1.0.2/24");
    Endpoint front = endpoint(FRONT, "eth1", "10.2.0.2/24");
    assertSame(front, SandboxPlan.gateway(List.of(back, front), byId));
    assertSame(back, SandboxPlan.gateway(List.of(back), byId));
    assertNull(SandboxPlan.gateway(List.of(), byId));
    assertTrue(SandboxPlan.takesDefaultRoute(FRONT, List.of(back), byId));
    assertFalse(SandboxPlan.takesDefaultRoute(V6, List.of(front), byId));
    assertFalse(SandboxPlan.takesDefaultRoute(INTERNAL, List.of(), byId));
    assertEquals("eth2", SandboxPlan.nextInterfaceName(List.of(back, front)));
    assertEquals("eth0", SandboxPlan.nextInterfaceName(List.of(front)));
  }
}
