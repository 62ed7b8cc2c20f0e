package io.berth.network.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void bridgeOptionsDefaultsAndParsing() {
    BridgeOptions d = BridgeOptions.parse(Map.of(), 0);
    assertTrue(d.icc());
    assertTrue(d.masquerade());
    assertEquals("0.0.0.0", d.hostBindingIpv4());
    assertEquals(0, d.mtu());
    BridgeOptions o = BridgeOptions.parse(Map.of(BridgeOptions.ICC, "false", BridgeOptions.MASQ, "0",
        BridgeOptions.NAME, "mybr0", BridgeOptions.MTU, "1400", BridgeOptions.HOST_BINDING, "127.0.0.1"), 0);
    assertFalse(o.icc());
    assertFalse(o.masquerade());
    assertEquals("mybr0", o.bridgeName());
    assertEquals(1400, o.mtu());
    assertEquals("127.0.0.1", o.hostBindingIpv4());
  }

  @Test
  void badBridgeOptionsAreRefused() {
    assertThrows(BerthException.InvalidRequest.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.ICC, "maybe"), 0));
    assertThrows(BerthException.InvalidRequest.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.MTU, "9"), 0));
    assertThrows(BerthException.InvalidRequest.class, () -> BridgeOptions.parse(Map.of(BridgeOptions.MTU, "x"), 0));
    assertThrows(BerthException.InvalidRequest.class,
        () -> BridgeOptions.parse(Map.of(BridgeOptions.NAME, "a-name-that-is-far-too-long"), 0));
    assertThrows(BerthException.InvalidRequest.class,
        () -> BridgeOptions.parse(Map.of(BridgeOptions.HOST_BINDING, "nope"), 0));
    assertThrows(BerthException.InvalidRequest.class,
        () -> BridgeOptions.parse(Map.of(BridgeOptions.GW_MODE4, "weird"), 0));
  }

  @Test
  void portRequests() {
    PortRequest r = PortRequest.parse("tcp", 80, "", "5000", "0.0.0.0");
    assertEquals(5000, r.hostPortLow());
    assertEquals("0.0.0.0", r.hostIp());
    PortRequest any = PortRequest.parse("udp", 53, "127.0.0.1", "", "0.0.0.0");
    assertTrue(any.dynamic());
    PortRequest range = PortRequest.parse("tcp", 80, "[::1]", "8000-8010", "0.0.0.0");
    assertEquals(8010, range.hostPortHigh());
    assertTrue(range.v6());
    assertThrows(BerthException.InvalidRequest.class, () -> PortRequest.parse("tcp", 80, "", "9-1", "0.0.0.0"));
    assertThrows(BerthException.InvalidRequest.class, () -> PortRequest.parse("icmp", 80, "", "", "0.0.0.0"));
    assertThrows(BerthException.InvalidRequest.class, () -> PortRequest.parse("tcp", 0, "", "", "0.0.0.0"));
  }

  @Test
  void networkSpecValidation() {
    assertThrows(BerthException.InvalidRequest.class, () -> spec("").validate());
    assertThrows(BerthException.InvalidRequest.class, () -> spec("bad name").validate());
    assertThrows(BerthException.Conflict.class, () -> spec("bridge").validate());
    spec("localnet").validate();
  }

  @Test
  void listAndPruneFilters() {
    Network a = net("a", "bridge", false, Map.of("env", "prod"), "2020-01-01T00:00:00Z");
    Network b = net("b", "bridge", true, Map.of(), Instant.now().toString());
    var byLabel = NetworkFilters.parse("{\"label\":{\"env=prod\":true}}").forList(n -> false);
    assertTrue(byLabel.test(a));
    assertFalse(byLabel.test(b));
    var builtin = NetworkFilters.parse("{\"type\":[\"builtin\"]}").forList(n -> false);
    assertTrue(builtin.test(b));
    assertFalse(builtin.test(a));
    var dangling = NetworkFilters.parse("{\"dangling\":[\"true\"]}").forList(n -> n == a);
    assertFalse(dangling.test(a));
    assertThrows(BerthException.InvalidRequest.class, () -> NetworkFilters.parse("{\"nope\":[\"x\"]}")
        .forList(n -> false));
    var prune = NetworkFilters.parse("{\"until\":[\"1h\"]}").forPrune(Instant.now());
    assertTrue(prune.test(a));
    assertFalse(prune.test(b));
  }

  @Test
  void endpointSysctls() {
    assertEquals(Map.of("net.ipv4.conf.eth1.forwarding", "1", "net.ipv6.conf.eth1.accept_ra", "2"),
        EndpointSysctls.parse(Map.of(EndpointSysctls.OPTION,
            "net.ipv4.conf.IFNAME.forwarding=1, net.ipv6.conf.IFNAME.accept_ra=2"), "eth1"));
    assertEquals(Map.of(), EndpointSysctls.parse(Map.of(), "eth0"));
    assertThrows(BerthException.InvalidRequest.class, () -> EndpointSysctls.parse(Map.of(EndpointSysctls.OPTION,
        "kernel.panic=1"), "eth0"));
    assertThrows(BerthException.InvalidRequest.class, () -> EndpointSysctls.parse(Map.of(EndpointSysctls.OPTION,
        "net.ipv4.conf.all.forwarding=1"), "eth0"));
  }

  private static NetworkSpec spec(String name) {
    return new NetworkSpec(name, null, false, false, false, false, true, false, null, List.of(), Map.of(), Map.of(),
        Map.of());
  }

  private static Network net(String name, String driver, boolean predefined, Map<String, String> labels,
                             String created) {
    return new Network("a".repeat(64), name, driver, "local", "n1", created, true, false, "default", List.of(),
        Map.of(), false, false, false, Map.of(), labels, null, predefined);
  }
}
