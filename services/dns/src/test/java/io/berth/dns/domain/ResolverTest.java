package io.berth.dns.domain;

import static io.berth.dns.domain.Fixtures.C1;
import static io.berth.dns.domain.Fixtures.C2;
import static io.berth.dns.domain.Fixtures.C3;
import static io.berth.dns.domain.Fixtures.ep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private final RecordStore store = new RecordStore();
  private final Resolver resolver = new Resolver();

  @BeforeEach
  void setUp() {
    store.upsert(ep("e1", "localnet", C1, "c1", "172.18.0.2/16", "fd00::2/64", "web").withHostname("box1"));
    store.upsert(ep("e2", "localnet", C2, "c2", "172.18.0.3/16", null));
    store.upsert(ep("e3", "other", C3, "c3", "172.19.0.2/16", null));
  }

  private Resolution ask(String from, String name, QueryType type) {
    return resolver.resolve(store.snapshot(), "localnet-id", ip(from), name, type, false);
  }

  @Test
  void resolvesContainerNameAliasShortIdHostnameAndNameDotNetwork() {
    for (String name : List.of("c1", "C1.", "web", C1.substring(0, 12), "box1", "c1.localnet", "web.localnet.")) {
      assertEquals(new Resolution.Addresses(List.of(ip("172.18.0.2"))), ask("172.18.0.3", name, QueryType.A), name);
    }
  }

  @Test
  void aContainersHostnameAnswersWhicheverOfItAndTheEndpointCameFirst() {
    store.hostname(C2, "box2");
    assertEquals(new Resolution.Addresses(List.of(ip("172.18.0.3"))), ask("172.18.0.2", "box2", QueryType.A));
    store.hostname(C3, "box3");
    store.upsert(ep("e5", "localnet", C3, "c3", "172.18.0.4/16", null));
    assertEquals(new Resolution.Addresses(List.of(ip("172.18.0.4"))), ask("172.18.0.2", "box3", QueryType.A));
    store.hostname(C2, "");
    assertEquals(Resolution.FORWARD, ask("172.18.0.2", "box2", QueryType.A));
    assertEquals(new Resolution.Addresses(List.of(ip("172.18.0.3"))), ask("172.18.0.2", "c2", QueryType.A));
  }

  @Test
  void aaaaOnlyWhereTheEndpointHasIpv6() {
    assertEquals(new Resolution.Addresses(List.of(ip("fd00::2"))), ask("172.18.0.3", "c1", QueryType.AAAA));
    assertEquals(Resolution.NO_DATA, ask("172.18.0.2", "c2", QueryType.AAAA));
  }

  @Test
  void namesOfOtherNetworksDoNotResolve() {
    assertEquals(Resolution.FORWARD, ask("172.18.0.3", "c3", QueryType.A));
    assertEquals(Resolution.FORWARD, ask("172.18.0.3", "c3.other", QueryType.A));
  }

  @Test
  void aContainerOnTwoNetworksSeesBoth() {
    store.upsert(ep("e4", "other", C2, "c2", "172.19.0.3/16", null));
    assertEquals(new Resolution.Addresses(List.of(ip("172.19.0.2"))), ask("172.18.0.3", "c3", QueryType.A));
    assertEquals(Resolution.FORWARD, ask("172.18.0.2", "c3", QueryType.A));
  }

  @Test
  void sourcesThatAreNotEndpointsOfTheListenersNetworkAreRefused() {
    assertEquals(Resolution.REFUSED, ask("172.19.0.2", "c1", QueryType.A));
    assertEquals(Resolution.REFUSED, ask("10.0.0.1", "c1", QueryType.A));
    assertEquals(Resolution.REFUSED,
        resolver.resolve(store.snapshot(), "nonet", ip("172.18.0.3"), "c1", QueryType.A, false));
  }

  @Test
  void severalAddressesComeInRoundRobinOrder() {
    store.upsert(ep("e5", "localnet", "c5".repeat(32), "c5", "172.18.0.5/16", null, "pool"));
    store.upsert(ep("e6", "localnet", "c6".repeat(32), "c6", "172.18.0.6/16", null, "pool"));
    store.upsert(ep("e7", "localnet", "c7".repeat(32), "c7", "172.18.0.7/16", null, "pool"));
    Set<InetAddress> firsts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      Resolution.Addresses a = assertInstanceOf(Resolution.Addresses.class, ask("172.18.0.3", "pool", QueryType.A));
      assertEquals(Set.of(ip("172.18.0.5"), ip("172.18.0.6"), ip("172.18.0.7")), new HashSet<>(a.addresses()));
      firsts.add(a.addresses().get(0));
    }
    assertEquals(3, firsts.size(), "each answer starts at a different address");
  }

  @Test
  void ptrForContainerAddressesOnTheRequestersNetworks() {
    assertEquals(new Resolution.Pointer("c1.localnet"), ask("172.18.0.3", "2.0.18.172.in-addr.arpa.", QueryType.PTR));
    assertEquals(new Resolution.Pointer("c1.localnet"),
        ask("172.18.0.3", DnsNames.reverse(ip("fd00::2")), QueryType.PTR));
    assertEquals(Resolution.FORWARD, ask("172.18.0.3", "2.0.19.172.in-addr.arpa", QueryType.PTR));
  }

  @Test
  void leavingRemovesTheName() {
    store.remove("e1");
    assertEquals(Resolution.FORWARD, ask("172.18.0.3", "c1", QueryType.A));
    assertEquals(Resolution.REFUSED, ask("172.18.0.2", "c2", QueryType.A));
  }

  @Test
  void defaultBridgeEndpointsAreNotIndexed() {
    store.upsert(new EndpointRecord("e9", "bridge-id", "bridge", "c9".repeat(32), "c9", "", List.of(),
        "172.17.0.2/16", null, "n1", false));
    assertEquals(Resolution.REFUSED,
        resolver.resolve(store.snapshot(), "bridge-id", ip("172.17.0.2"), "c9", QueryType.A, false));
  }

  @Test
  void implicitMxAndUserNdots() {
    assertEquals(Resolution.NO_DATA, ask("172.18.0.3", "c1", QueryType.MX));
    assertEquals(Resolution.FORWARD, ask("172.18.0.3", "example", QueryType.MX));
    assertEquals(Resolution.NO_DATA,
        resolver.resolve(store.snapshot(), "localnet-id", ip("172.18.0.3"), "nosuch", QueryType.A, true));
    assertEquals(Resolution.FORWARD,
        resolver.resolve(store.snapshot(), "localnet-id", ip("172.18.0.3"), "no.such", QueryType.A, true));
  }

  @Test
  void snapshotsAreImmutableAndSwapped() {
    RecordSnapshot before = store.snapshot();
    store.upsert(ep("e8", "localnet", "c8".repeat(32), "c8", "172.18.0.8/16", null));
    assertNotEquals(before, store.snapshot());
    assertEquals(Resolution.FORWARD,
        resolver.resolve(before, "localnet-id", ip("172.18.0.3"), "c8", QueryType.A, false));
  }

  static InetAddress ip(String s) {
    return Addresses.parse(s);
  }
}
