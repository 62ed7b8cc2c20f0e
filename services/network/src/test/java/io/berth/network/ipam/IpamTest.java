package io.berth.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.network.domain.IpamConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpamTest {
  private final SubnetPlanner planner = new SubnetPlanner(DefaultPools.docker());

  @Test
  void cidrParsesFormatsAndRefusesHostBits() {
    assertEquals("10.1.0.0/16", Cidr.parse("10.1.0.0/16").toString());
    assertEquals("fd00::/64", Cidr.parse("fd00:0::/64").toString());
    assertEquals("invalid CIDR address: 10.1.0.0/33", assertThrows(IpamException.class,
        () -> Cidr.parse("10.1.0.0/33")).getMessage());
    assertEquals("invalid CIDR address: foo", assertThrows(IpamException.class, () -> Cidr.parse("foo")).getMessage());
    assertEquals("invalid subnet 10.1.2.3/24: it should be 10.1.2.0/24",
        assertThrows(IpamException.class, () -> Cidr.parse("10.1.2.3/24")).getMessage());
    assertTrue(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("10.9.0.0/16")));
    assertFalse(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("10.1.0.0/16")));
    assertFalse(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("fd00::/64")));
  }

  @Test
  void defaultPoolsInDockersOrderSkippingWhatIsInUse() {
    List<Cidr> all = DefaultPools.docker().candidates();
    assertEquals("172.17.0.0/16", all.get(0).toString());
    assertEquals("172.20.0.0/16", all.get(3).toString());
    assertEquals("172.31.0.0/16", all.get(14).toString());
    assertEquals("192.168.0.0/20", all.get(15).toString());
    assertEquals(15 + 16, all.size());
    assertEquals("172.18.0.0/16", DefaultPools.docker().firstFree(List.of(Cidr.parse("172.17.0.0/16"))).toString());
    // a host route inside the second pool pushes the choice further
    assertEquals("172.19.0.0/16", DefaultPools.docker().firstFree(List.of(Cidr.parse("172.17.0.0/16"),
        Cidr.parse("172.18.5.0/24"))).toString());
    DefaultPools custom = DefaultPools.of(List.of(new DefaultPools.Pool("10.10.0.0/16", 24)));
    assertEquals("10.10.1.0/24", custom.firstFree(List.of(Cidr.parse("10.10.0.0/24"))).toString());
  }

  @Test
  void planFillsGatewayAndChecksRangeGatewayAux() {
    List<IpamConfig> p = planner.plan(List.of(new IpamConfig("10.5.0.0/16", "10.5.1.0/24", null,
        Map.of("router", "10.5.0.254"))), true, false, List.of(), "n1");
    assertEquals(1, p.size());
    assertEquals("10.5.0.1", p.get(0).gateway());
    assertEquals("10.5.1.0/24", p.get(0).ipRange());
    assertEquals("no matching subnet for gateway 10.6.0.1", assertThrows(IpamException.class, () -> planner.plan(
        List.of(new IpamConfig("10.5.0.0/16", null, "10.6.0.1", Map.of())), true, false, List.of(), "n")).getMessage());
    assertThrows(IpamException.class, () -> planner.plan(List.of(new IpamConfig("10.5.0.0/16", "10.6.0.0/24", null,
        Map.of())), true, false, List.of(), "n"));
    assertEquals("no matching subnet for aux-address 10.9.0.1", assertThrows(IpamException.class, () -> planner.plan(
        List.of(new IpamConfig("10.5.0.0/16", null, null, Map.of("x", "10.9.0.1"))), true, false, List.of(), "n"))
        .getMessage());
  }

  @Test
  void overlapWithAnotherNetworkOrHostRouteIsRefused() {
    IpamException e = assertThrows(IpamException.class, () -> planner.plan(List.of(new IpamConfig("10.5.0.0/24", null,
        null, Map.of())), true, false, List.of(Cidr.parse("10.5.0.0/16")), "n"));
    assertEquals("invalid pool request: Pool overlaps with other one on this address space", e.getMessage());
  }

  @Test
  void ipv6GetsUlaWhenNoSubnetIsGiven() {
    List<IpamConfig> p = planner.plan(List.of(), true, true, List.of(), "seed");
    assertEquals(2, p.size());
    assertTrue(p.get(1).subnet().startsWith("fd") && p.get(1).subnet().endsWith("/64"), p.get(1).subnet());
    assertEquals(p.get(1).subnet(), planner.plan(List.of(), true, true, List.of(), "seed").get(1).subnet());
    List<IpamConfig> given = planner.plan(List.of(new IpamConfig("fd42::/64", null, null, Map.of())), true, true,
        List.of(), "s");
    assertEquals("fd42::1", given.get(1).gateway());
  }

  @Test
  void poolAllocatesNextFitSkippingReservedAndHonoursRequests() {
    AddressPool pool = new AddressPool("n", List.of(new IpamConfig("10.5.0.0/29", null, "10.5.0.1",
        Map.of("r", "10.5.0.3"))));
    assertEquals("10.5.0.2/29", pool.allocate(true, null));
    assertEquals("10.5.0.4/29", pool.allocate(true, null));
    assertEquals("10.5.0.6/29", pool.allocate(true, "10.5.0.6"));
    assertEquals("Address already in use", assertThrows(IpamException.class, () -> pool.allocate(true, "10.5.0.6"))
        .getMessage());
    assertEquals("Address already in use", assertThrows(IpamException.class, () -> pool.allocate(true, "10.5.0.1"))
        .getMessage());
    assertEquals("Invalid address 10.6.0.1: It does not belong to any of this network's subnets",
        assertThrows(IpamException.class, () -> pool.allocate(true, "10.6.0.1")).getMessage());
    assertEquals("10.5.0.5/29", pool.allocate(true, null));
    assertThrows(IpamException.class, () -> pool.allocate(true, null)); // .7 is broadcast: full
    pool.release("10.5.0.4/29");
    assertEquals("10.5.0.4/29", pool.allocate(true, null));
    assertNull(pool.allocate(false, null));
  }

  @Test
  void rangeLimitsDynamicAllocationButNotRequestedAddresses() {
    AddressPool pool = new AddressPool("n", List.of(new IpamConfig("10.5.0.0/24", "10.5.0.128/30", "10.5.0.1",
        Map.of())));
    Set<String> got = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      got.add(pool.allocate(true, null));
    }
    assertEquals(Set.of("10.5.0.128/24", "10.5.0.129/24", "10.5.0.130/24", "10.5.0.131/24"), got);
    assertThrows(IpamException.class, () -> pool.allocate(true, null));
    assertEquals("10.5.0.20/24", pool.allocate(true, "10.5.0.20"));
  }

  @Test
  void ipv6Allocation() {
    AddressPool pool = new AddressPool("n", List.of(new IpamConfig("fd42::/64", null, "fd42::1", Map.of())));
    assertEquals("fd42::2/64", pool.allocate(false, null));
    assertEquals("fd42::99/64", pool.allocate(false, "fd42::99"));
    assertTrue(pool.mark("fd42::3/64"));
    assertEquals("fd42::4/64", pool.allocate(false, null));
  }
}
