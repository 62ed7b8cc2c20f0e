package io.berth.dns.host;

import static io.berth.dns.host.DnsLab.GW4;
import static io.berth.dns.host.DnsLab.GW6;
import static io.berth.dns.host.DnsLab.NET_ID;
import static io.berth.dns.host.DnsLab.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.dns.domain.Addresses;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.RequesterPolicy;
import io.berth.host.NetnsHandle;
import io.berth.testing.Await;
import io.berth.testing.lab.ExecResult;
import io.berth.testing.lab.LabNetns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded resolver in a lab: a bridge network with sandboxes, queried with {@code dig} and busybox
 * {@code nslookup} from inside the sandboxes, forwarding to dnsmasq upstreams in the lab.
 */
@Tag("host")
class EmbeddedResolverIT {
  @RegisterExtension
  static LabNetns lab = LabNetns.perClass();

  static final String C1 = "a1".repeat(32);
  static final String C2 = "a2".repeat(32);
  static final String C3 = "a3".repeat(32);

  static DnsLab net;
  static NetnsHandle c1;
  static NetnsHandle c2;
  static NetnsHandle c3;
  static NetnsHandle stranger;
  static RecordStore store = new RecordStore();
  static Map<String, List<InetSocketAddress>> upstreams = new ConcurrentHashMap<>();
  static Map<String, Boolean> ndots = new ConcurrentHashMap<>();
  static EmbeddedResolver resolver;

  @BeforeAll
  static void setUp() throws Exception {
    net = new DnsLab(lab);
    c1 = net.sandbox("c1", 11);
    c2 = net.sandbox("c2", 12);
    c3 = net.sandbox("c3", 13);
    stranger = net.sandbox("x", 99);
    List<String> big = IntStream.range(1, 121).mapToObj(i -> "10.98.0." + i + " big.test").toList();
    List<String> upstreamNames = new ArrayList<>(List.of("10.99.0.1 external.test", "10.99.0.5 api.dockercerts.com"));
    upstreamNames.addAll(big);
    net.dnsmasq("up1", 250, upstreamNames, "--local-ttl=77");
    net.dnsmasq("up2", 251, List.of("10.99.0.2 onlyup2.test"));
    store.upsert(endpoint(C1, "c1", 11, "web"));
    store.upsert(endpoint(C2, "c2", 12));
    store.upsert(endpoint(C3, "c3", 13, "web"));
    RequesterPolicy policy = new RequesterPolicy() {
      @Override
      public List<InetSocketAddress> upstreams(String containerId) {
        return upstreams.getOrDefault(containerId, List.of(new InetSocketAddress(DnsLab.ipv4(250), 53)));
      }

      @Override
      public boolean setsNdots(String containerId) {
        return ndots.getOrDefault(containerId, false);
      }
    };
    resolver = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot, policy,
        EmbeddedResolver.Options.defaults().withTimeout(Duration.ofMillis(700)), new SimpleMeterRegistry());
    resolver.listen(NET_ID, Addresses.parse(GW4)).get(5, TimeUnit.SECONDS);
    resolver.listen(NET_ID, Addresses.parse(GW6)).get(5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void tearDown() {
    if (resolver != null) {
      resolver.close();
    }
  }

  private static String shortAnswer(NetnsHandle from, String... args) {
    List<String> a = new ArrayList<>(List.of("+short"));
    a.addAll(List.of(args));
    ExecResult r = net.dig(from, a.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return r.stdout().strip();
  }

  @Test
  void namesAliasesShortIdAndNameDotNetworkOverUdp() {
    assertEquals("172.30.0.11", shortAnswer(c2, "@" + GW4, "c1"));
    assertEquals("172.30.0.11", shortAnswer(c2, "@" + GW4, "c1.localnet"));
    assertEquals("172.30.0.11", shortAnswer(c2, "@" + GW4, C1.substring(0, 12)));
    assertEquals("fd30::b", shortAnswer(c2, "@" + GW4, "AAAA", "c1"));
  }

  @Test
  void fullAnswerHasTtl600AndTheQuestion() {
    ExecResult r = net.dig(c2, "@" + GW4, "c1");
    assertTrue(r.stdout().contains("status: NOERROR"), r.stdout());
    assertTrue(r.stdout().matches("(?s).*c1\\.\\s+600\\s+IN\\s+A\\s+172\\.30\\.0\\.11.*"), r.stdout());
  }

  @Test
  void tcpQueries() {
    assertEquals("172.30.0.11", shortAnswer(c2, "+tcp", "@" + GW4, "c1"));
    assertEquals("10.99.0.1", shortAnswer(c2, "+tcp", "@" + GW4, "external.test"));
  }

  @Test
  void ipv6ListenerAndAaaa() {
    assertEquals("fd30::c", shortAnswer(c1, "@" + GW6, "AAAA", "c2"));
    assertEquals("fd30::c", shortAnswer(c1, "-6", "+tcp", "@" + GW6, "AAAA", "c2"));
  }

  @Test
  void ptrForContainerAddresses() {
    assertEquals("c1.localnet.", shortAnswer(c2, "@" + GW4, "-x", "172.30.0.11"));
    assertEquals("c2.localnet.", shortAnswer(c1, "@" + GW4, "-x", "fd30::c"));
  }

  @Test
  void aliasSharedByTwoContainersRoundRobins() {
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String[] lines = shortAnswer(c2, "@" + GW4, "web").split("\n");
      assertEquals(2, lines.length);
      firsts.add(lines[0]);
    }
    assertTrue(firsts.contains("172.30.0.11") && firsts.contains("172.30.0.13"), firsts.toString());
  }

  @Test
  void busyboxNslookup() {
    ExecResult r = lab.exec(c2, "busybox", "nslookup", "c1", GW4);
    assertTrue(r.stdout().contains("172.30.0.11"), r.toString());
  }

  @Test
  void nonMembersAreRefused() {
    ExecResult r = net.dig(stranger, "@" + GW4, "c1");
    assertTrue(r.stdout().contains("status: REFUSED"), r.stdout());
    ExecResult viaTcp = net.dig(stranger, "+tcp", "@" + GW4, "external.test");
    assertTrue(viaTcp.stdout().contains("status: REFUSED"), viaTcp.stdout());
  }

  @Test
  void forwardsWithUpstreamTtl() {
    ExecResult r = net.dig(c2, "@" + GW4, "external.test");
    assertTrue(r.stdout().matches("(?s).*external\\.test\\.\\s+77\\s+IN\\s+A\\s+10\\.99\\.0\\.1.*"), r.stdout());
  }

  @Test
  void failoverWhenTheFirstUpstreamIsDownOrRefuses() {
    upstreams.put(C3, List.of(new InetSocketAddress(DnsLab.ipv4(240), 53), new InetSocketAddress(DnsLab.ipv4(250), 53),
        new InetSocketAddress(DnsLab.ipv4(251), 53)));
    try {
      assertEquals("10.99.0.1", shortAnswer(c3, "@" + GW4, "external.test"), "timeout → next");
      // up1 has no upstream of its own: it refuses names it does not hold, so up2 answers.
      assertEquals("10.99.0.2", shortAnswer(c3, "@" + GW4, "onlyup2.test"), "REFUSED → next");
    } finally {
      upstreams.remove(C3);
    }
  }

  @Test
  void allUpstreamsDownIsServfail() {
    upstreams.put(C3, List.of(new InetSocketAddress(DnsLab.ipv4(240), 53)));
    try {
      ExecResult r = net.dig(c3, "@" + GW4, "external.test");
      assertTrue(r.stdout().contains("status: SERVFAIL"), r.stdout());
    } finally {
      upstreams.remove(C3);
    }
  }

  @Test
  void forwardedQueriesBeyondTheCapGetServfailAtOnce() throws Exception {
    upstreams.put(C3, List.of(new InetSocketAddress(DnsLab.ipv4(240), 53)));
    RequesterPolicy blackHole = new RequesterPolicy() {
      @Override
      public List<InetSocketAddress> upstreams(String containerId) {
        return List.of(new InetSocketAddress(DnsLab.ipv4(240), 53));
      }

      @Override
      public boolean setsNdots(String containerId) {
        return false;
      }
    };
    try (EmbeddedResolver capped = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot,
        blackHole, EmbeddedResolver.Options.defaults().withTimeout(Duration.ofSeconds(3)).withMaxConcurrent(2),
        new SimpleMeterRegistry());
         java.nio.channels.DatagramChannel ch = c3.openDatagramChannel(new InetSocketAddress(0))) {
      capped.listen(NET_ID, Addresses.parse(GW4), 5353).get(5, TimeUnit.SECONDS);
      InetSocketAddress server = new InetSocketAddress(Addresses.parse(GW4), 5353);
      for (int i = 0; i < 6; i++) {
        byte[] q = PacketFuzzer.query("slow" + i + ".test", 1, false);
        q[1] = (byte) i;
        ch.send(java.nio.ByteBuffer.wrap(q), server);
      }
      ch.configureBlocking(false);
      java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(512);
      int[] servfails = {0};
      java.util.concurrent.Callable<Integer> receive = () -> {
        in.clear();
        while (ch.receive(in) != null) {
          if ((in.get(3) & 0x0f) == 2) servfails[0]++;
          in.clear();
        }
        return servfails[0];
      };
      // "at once": well before the 3 s upstream timeout would turn the two waiting queries into SERVFAILs too
      Await.until("four queries refused service", Duration.ofSeconds(2), receive, n -> n >= 4);
      assertEquals(2, capped.forwarder().inFlight(), "two queries still wait for the silent upstream");
      assertEquals(4, (int) receive.call(), "two queries wait for the silent upstream, four are refused service at once");
      assertEquals(2, capped.forwarder().inFlight());
    } finally {
      upstreams.remove(C3);
    }
  }

  @Test
  void truncatedUpstreamAnswerIsRetriedOverTcp() {
    // 120 addresses do not fit 1232 bytes: dig gets TC over UDP, asks again over TCP, the server forwards over UDP,
    // sees TC and asks the upstream over TCP.
    String answer = shortAnswer(c2, "@" + GW4, "big.test");
    assertEquals(120, answer.split("\n").length, answer);
    ExecResult noRetry = net.dig(c2, "+ignore", "+bufsize=1232", "@" + GW4, "big.test");
    assertTrue(noRetry.stdout().contains(" tc"), noRetry.stdout());
    assertEquals(120, shortAnswer(c2, "+tcp", "@" + GW4, "big.test").split("\n").length);
  }

  @Test
  void searchDomainCompletesShortNames() {
    // resolv.conf with `search dockercerts.com` and ndots:0 lets `api` fail as is and then be completed.
    ExecResult r = net.dig(c2, "+search", "+domain=dockercerts.com", "+ndots=1", "@" + GW4, "api");
    assertTrue(r.stdout().contains("10.99.0.5"), r.stdout());
  }

  @Test
  void namesOfAnotherNetworkDoNotResolve() throws Exception {
    store.upsert(new io.berth.dns.domain.EndpointRecord("e-o", "o".repeat(64), "othernet", "a9".repeat(32), "c9", "",
        List.of(), "172.31.0.9/24", null, "node1", true));
    try {
      ExecResult r = net.dig(c2, "@" + GW4, "c9");
      assertTrue(!r.stdout().contains("172.31.0.9"), r.stdout());
    } finally {
      store.remove("e-o");
    }
  }

  @Test
  void nameDisappearsWhenItsEndpointLeaves() {
    store.upsert(endpoint("a4".repeat(32), "c4", 14));
    assertEquals("172.30.0.14", shortAnswer(c2, "@" + GW4, "c4"));
    store.remove("e-c4");
    ExecResult r = net.dig(c2, "@" + GW4, "c4");
    assertTrue(!r.stdout().contains("172.30.0.14"), r.stdout());
  }
}
