package io.berth.dns.domain;

import static io.berth.dns.domain.Fixtures.C1;
import static io.berth.dns.domain.Fixtures.ep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFilesTest {
  private static final ResolvConf HOST = ResolvConf.parse("""
      # managed by someone
      nameserver 127.0.0.53
      nameserver 10.0.0.2
      nameserver 10.0.0.3
      nameserver 10.0.0.4
      nameserver 10.0.0.5
      search corp.example
      options edns0 trust-ad
      """);
  private static final NodeResolverSettings NODE = new NodeResolverSettings(List.of(), List.of(), List.of(), HOST);

  @Test
  void userDefinedNetworkUsesTheGatewayAndNdotsZero() {
    ContainerDns c = new ContainerDns(C1, "c1", "n1", "", "", List.of(), List.of(), List.of(), List.of(), List.of());
    SandboxFiles f = SandboxFiles.decide(c, List.of(ep("e1", "localnet", C1, "c1", "172.18.0.2/16", "fd00::2/64")),
        ResolverTest.ip("172.18.0.1"), NODE);
    assertEquals("""
        nameserver 172.18.0.1
        search corp.example
        options ndots:0
        """, f.resolvConf().render(null));
    assertEquals(C1.substring(0, 12) + "\n", f.hostname());
    assertTrue(f.hosts().startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"), f.hosts());
    assertTrue(f.hosts().contains("172.18.0.2\t" + C1.substring(0, 12) + " c1\n"), f.hosts());
    assertTrue(f.hosts().contains("fd00::2\t" + C1.substring(0, 12) + " c1\n"), f.hosts());
  }

  @Test
  void dnsSearchAndUserOptionsWin() {
    ContainerDns c = new ContainerDns(C1, "c1", "n1", "box", "lan", List.of(), List.of("dockercerts.com"),
        List.of("ndots:2", "timeout:1"), List.of("db:10.1.1.1"), List.of());
    SandboxFiles f = SandboxFiles.decide(c, List.of(), ResolverTest.ip("172.18.0.1"), NODE);
    assertEquals(List.of("dockercerts.com"), f.resolvConf().search());
    assertEquals(List.of("ndots:2", "timeout:1"), f.resolvConf().options());
    assertTrue(f.hosts().contains("10.1.1.1\tdb\n"));
    assertEquals("box\n", f.hostname());
  }

  @Test
  void defaultBridgeGetsTheUpstreamsWithoutLoopbackAtMostThree() {
    ContainerDns c = Fixtures.plain(C1, "c1");
    SandboxFiles f = SandboxFiles.decide(c, List.of(), null, NODE);
    assertEquals(List.of("10.0.0.2", "10.0.0.3", "10.0.0.4"), f.resolvConf().nameservers());
    assertEquals(List.of("edns0", "trust-ad"), f.resolvConf().options());
  }

  @Test
  void upstreamPrecedenceContainerThenDaemonThenHost() {
    ContainerDns withDns = new ContainerDns(C1, "c1", "n1", "", "", List.of("10.9.9.9", "bogus", "127.0.0.1"),
        List.of(), List.of(), List.of(), List.of());
    assertEquals(List.of(ResolverTest.ip("10.9.9.9"), ResolverTest.ip("127.0.0.1")), Upstreams.choose(withDns, NODE));
    NodeResolverSettings daemon = new NodeResolverSettings(List.of("10.8.8.8"), List.of(), List.of(), HOST);
    assertEquals(List.of(ResolverTest.ip("10.8.8.8")), Upstreams.choose(Fixtures.plain(C1, "c1"), daemon));
    NodeResolverSettings loopbackOnly = new NodeResolverSettings(List.of(), List.of(), List.of(),
        ResolvConf.parse("nameserver 127.0.0.53\n"));
    assertEquals(List.of(), Upstreams.choose(null, loopbackOnly));
    assertEquals(List.of("8.8.8.8", "8.8.4.4"),
        SandboxFiles.decide(Fixtures.plain(C1, "c1"), List.of(), null, loopbackOnly)
            .resolvConf().nameservers());
  }

  @Test
  void ipv6TextIsShort() {
    assertEquals("fd00::2", Addresses.text(ResolverTest.ip("fd00:0:0:0:0:0:0:2")));
    assertEquals("2001:db8::1:0:0:1", Addresses.text(ResolverTest.ip("2001:db8:0:0:1:0:0:1")));
    assertEquals("::1", Addresses.text(ResolverTest.ip("::1")));
    assertEquals("fe80::", Addresses.text(ResolverTest.ip("fe80::")));
    assertEquals("1:2:3:4:5:6:7:8", Addresses.text(ResolverTest.ip("1:2:3:4:5:6:7:8")));
    assertEquals("1:0:3:4:5:6:7:8", Addresses.text(ResolverTest.ip("1:0:3:4:5:6:7:8")));
  }

  @Test
  void reverseNamesRoundTrip() {
    for (String ip : List.of("10.1.2.3", "fd00::2", "2001:db8::ff00:42:8329")) {
      assertEquals(ResolverTest.ip(ip), DnsNames.fromReverse(DnsNames.reverse(ResolverTest.ip(ip)) + ".").get());
    }
    assertTrue(DnsNames.fromReverse("3.2.1.in-addr.arpa").isEmpty());
    assertTrue(DnsNames.fromReverse("300.2.1.1.in-addr.arpa").isEmpty());
  }
}
