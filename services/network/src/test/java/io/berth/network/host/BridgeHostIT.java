package io.berth.network.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.host.NetnsHandle;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Veth;
import io.berth.kit.tracing.HostOps;
import io.berth.testing.Await;
import io.berth.testing.lab.LabNetns;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge driver's host steps in a lab namespace standing in for the node's: bridges, sandboxes and veths,
 * undo on failure, isolation, internal networks, masquerade, and port publishing reached from an outside
 * namespace, from 127.0.0.1 and from another sandbox (hairpin).
 */
@Tag("host")
class BridgeHostIT {
  @RegisterExtension LabNetns lab = new LabNetns();
  Vertx vertx;
  HostNetwork host;
  SandboxHost sandboxes;
  Firewall firewall;
  int mtu;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    host = new HostNetwork(lab.netns(), lab.root().resolve("netns"));
    sandboxes = new SandboxHost(host);
    firewall = new Firewall(lab.nft(), new HostOps(vertx, OpenTelemetry.noop()));
    host.enableForwarding(false);
  }

  @AfterEach
  void tearDown() {
    for (String s : sandboxes.list()) {
      if (s.startsWith(lab.prefix() + "-c")) {
        sandboxes.delete(s);
      }
    }
    firewall.deleteTable();
    host.close();
    vertx.close();
  }

  String sb(String name) {
    return lab.prefix() + "-" + name;
  }

  Path sandbox(String name) {
    return sandboxes.create(sb(name));
  }

  void join(Path key, String hostIf, String bridge, String ip, String gw) {
    sandboxes.join(new VethJoin(hostIf, bridge, key, "eth0", "02:42:00:00:00:" + hostIf.substring(12),
        mtu, ip, null, gw, null, Map.of()));
  }

  boolean ping(Path from, String to) {
    return lab.exec("nsenter", "--net=" + from, "--", "busybox", "ping", "-c1", "-W1", to).ok();
  }

  void apply(FirewallModel.Net... nets) throws Exception {
    for (int i = 0; i < nets.length; i++) {
      firewall.putNetwork("n" + i, nets[i]).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void bridgeSandboxesAndVeths() throws Exception {
    host.createBridge("br-aaaaaaaaaaaa", 1400, List.of("10.61.0.1/24"));
    mtu = 1400; // the network's MTU, as the driver passes com.docker.network.driver.mtu
    Path a = sandbox("ca");
    Path b = sandbox("cb");
    join(a, "vb000000000001", "br-aaaaaaaaaaaa", "10.61.0.2/24", "10.61.0.1");
    join(b, "vb000000000002", "br-aaaaaaaaaaaa", "10.61.0.3/24", "10.61.0.1");
    assertTrue(ping(b, "10.61.0.2"));
    assertTrue(ping(a, "10.61.0.1"), "gateway reachable");
    String links = lab.exec("bridge", "link").stdout();
    assertEquals(2, links.lines().filter(l -> l.contains("master br-aaaaaaaaaaaa")).count(), links);
    String inside = lab.exec("nsenter", "--net=" + a, "--", "ip", "-d", "link", "show", "eth0").stdout();
    assertTrue(inside.contains("mtu 1400"), inside);
    assertTrue(lab.exec("nsenter", "--net=" + a, "--", "ip", "route").stdout().contains("default via 10.61.0.1"));
    assertTrue(host.prefixesInUse().contains("10.61.0.0/24"));
    sandboxes.delete(sb("ca"));
    sandboxes.leave("vb000000000002");
    assertFalse(host.linkExists("vb000000000002"));
    host.deleteLink("br-aaaaaaaaaaaa");
  }

  @Test
  void theBridgeKeepsItsAddressWhenAPortWithALowerOneJoins() {
    host.createBridge("br-eeeeeeeeeeee", 0, List.of("10.69.0.1/24"));
    String mac = lab.netlink().get("br-eeeeeeeeeeee").mac();
    assertEquals(0x02, Integer.parseInt(mac.substring(0, 2), 16) & 0x03, "unicast, locally administered: " + mac);
    // Without an address of its own the bridge would take this port's, the lowest there is, and every container's
    // ARP entry for the gateway would go stale.
    lab.netlink().add(Veth.of("vb0000000000e1", "pe1").with(LinkAttrs.named("vb0000000000e1")
        .withMac("00:00:00:00:00:01")));
    lab.netlink().setMaster("vb0000000000e1", "br-eeeeeeeeeeee");
    lab.netlink().setUp("vb0000000000e1");
    assertEquals(mac, lab.netlink().get("br-eeeeeeeeeeee").mac());
    host.deleteLink("vb0000000000e1");
    host.deleteLink("br-eeeeeeeeeeee");
  }

  @Test
  void dualStackEndpoint() {
    host.createBridge("br-666666666666", 0, List.of("10.68.0.1/24", "fd68::1/64"));
    Path a = sandbox("c6a");
    Path b = sandbox("c6b");
    sandboxes.join(new VethJoin("vb000000000061", "br-666666666666", a, "eth0", "02:42:0a:44:00:02", 0,
        "10.68.0.2/24", "fd68::2/64", "10.68.0.1", "fd68::1", Map.of("net.ipv4.conf.eth0.forwarding", "1")));
    assertEquals("1", lab.exec("nsenter", "--net=" + a, "--", "cat", "/proc/sys/net/ipv4/conf/eth0/forwarding")
        .stdout().trim(), "endpoint sysctls are set in the sandbox");
    sandboxes.join(new VethJoin("vb000000000062", "br-666666666666", b, "eth0", "02:42:0a:44:00:03", 0,
        "10.68.0.3/24", "fd68::3/64", "10.68.0.1", "fd68::1", Map.of()));
    String routes = lab.exec("nsenter", "--net=" + a, "--", "ip", "-6", "route").stdout();
    assertTrue(routes.contains("default via fd68::1"), routes);
    boolean reached = false;
    for (int t = 0; t < 30 && !reached; t++) { // duplicate address detection makes fresh addresses tentative
      reached = lab.exec("nsenter", "--net=" + b, "--", "busybox", "ping", "-6", "-c1", "-W1", "fd68::2").ok();
    }
    assertTrue(reached, "IPv6 between two sandboxes");
    host.deleteLink("br-666666666666");
  }

  @Test
  void aFailedJoinLeavesNoVethAddressOrRoute() {
    host.createBridge("br-bbbbbbbbbbbb", 0, List.of("10.62.0.1/24"));
    Path a = sandbox("cf");
    // the sandbox side fails (gateway outside every connected prefix): the veth made first must go
    HostStepsFailed e = assertThrows(HostStepsFailed.class, () -> join(a, "vb000000000003", "br-bbbbbbbbbbbb",
        "10.62.0.2/24", "10.99.0.1"));
    assertTrue(e.getMessage().contains("configure eth0"), e.getMessage());
    assertFalse(host.linkExists("vb000000000003"));
    assertFalse(lab.exec("nsenter", "--net=" + a, "--", "ip", "-o", "link").stdout().contains("eth0"));
    assertFalse(lab.exec("nsenter", "--net=" + a, "--", "ip", "-o", "addr").stdout().contains("10.62.0.2"));
    // a missing bridge: refused at the first step, nothing made
    assertThrows(HostStepsFailed.class, () -> join(a, "vb000000000004", "br-nosuchbridge", "10.62.0.3/24", null));
    assertFalse(host.linkExists("vb000000000004"));
    host.deleteLink("br-bbbbbbbbbbbb");
  }

  @Test
  void aFailedBridgeOrSandboxLeavesNothing() {
    // an address twice: the second add fails and the bridge is deleted again
    assertThrows(HostStepsFailed.class, () -> host.createBridge("br-cccccccccccc", 0,
        List.of("10.63.0.1/24", "10.63.0.1/24")));
    assertFalse(host.linkExists("br-cccccccccccc"));
    // a link of that name already exists: refused, the existing one is untouched
    lab.netlink().add(Veth.of("br-dddddddddddd", "peer0").with(LinkAttrs.named("br-dddddddddddd")));
    assertThrows(HostStepsFailed.class, () -> host.createBridge("br-dddddddddddd", 0, List.of("10.64.0.1/24")));
    assertTrue(host.linkExists("br-dddddddddddd"));
    host.deleteLink("br-dddddddddddd");
    sandbox("cdup");
    assertThrows(HostStepsFailed.class, () -> sandbox("cdup"));
    assertTrue(sandboxes.exists(sb("cdup")), "the existing sandbox stays");
  }

  @Test
  void networksAreIsolatedInternalStaysInsideAndSubnetsAreMasqueraded() throws Exception {
    host.createBridge("br-111111111111", 0, List.of("10.65.1.1/24"));
    host.createBridge("br-222222222222", 0, List.of("10.65.2.1/24"));
    host.createBridge("br-333333333333", 0, List.of("10.65.3.1/24"));
    apply(new FirewallModel.Net("br-111111111111", "10.65.1.0/24", null, false, true, true),
        new FirewallModel.Net("br-222222222222", "10.65.2.0/24", null, false, true, true),
        new FirewallModel.Net("br-333333333333", "10.65.3.0/24", null, true, true, true));
    Path a = sandbox("c1");
    Path a2 = sandbox("c12");
    Path b = sandbox("c2");
    Path i = sandbox("c3");
    join(a, "vb000000000011", "br-111111111111", "10.65.1.2/24", "10.65.1.1");
    join(a2, "vb000000000012", "br-111111111111", "10.65.1.3/24", "10.65.1.1");
    join(b, "vb000000000021", "br-222222222222", "10.65.2.2/24", "10.65.2.1");
    join(i, "vb000000000031", "br-333333333333", "10.65.3.2/24", null);
    assertTrue(ping(a2, "10.65.1.2"), "same network");
    assertFalse(ping(b, "10.65.1.2"), "another bridge network is isolated");
    assertFalse(ping(a, "10.65.2.2"), "isolation both ways");
    assertTrue(ping(i, "10.65.3.1"), "an internal network still reaches its gateway");
    lab.exec("nsenter", "--net=" + i, "--", "ip", "route", "add", "default", "via", "10.65.3.1");
    assertFalse(ping(i, "10.65.1.2"), "nothing leaves an internal network");
    assertFalse(ping(a, "10.65.3.2"), "nothing enters an internal network");
    String nft = lab.nft().listRuleset();
    assertTrue(nft.contains("ip saddr 10.65.1.0/24 oifname != \"br-111111111111\" masquerade"), nft);
    assertFalse(nft.contains("ip saddr 10.65.3.0/24"), nft);
    // removing a network's policy removes exactly its rules
    firewall.removeNetwork("n1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    String after = lab.nft().listRuleset();
    assertFalse(after.contains("br-222222222222"), after);
    assertTrue(after.contains("br-111111111111"), after);
    for (String br : List.of("br-111111111111", "br-222222222222", "br-333333333333")) {
      host.deleteLink(br);
    }
  }

  @Test
  void publishedPortFromOutsideLocalhostAndHairpin() throws Exception {
    host.createBridge("br-444444444444", 0, List.of("10.66.0.1/24"));
    apply(new FirewallModel.Net("br-444444444444", "10.66.0.0/24", null, false, true, true));
    Path web = sandbox("cweb");
    Path other = sandbox("coth");
    join(web, "vb000000000041", "br-444444444444", "10.66.0.2/24", "10.66.0.1");
    join(other, "vb000000000042", "br-444444444444", "10.66.0.3/24", "10.66.0.1");
    firewall.putPorts("web", List.of(new FirewallModel.Port("tcp", "0.0.0.0", 5000, "10.66.0.2", 80)))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    // the outside: a client namespace on a link to the lab ("host") namespace
    NetnsHandle client = lab.newNetns("out");
    lab.netlink().add(Veth.of("lab0", "eth0").withPeerNetns(client.path()));
    lab.netlink().addAddress("lab0", "10.67.0.1/24");
    lab.netlink().setUp("lab0");
    try (var nl = client.openNetlink()) {
      nl.addAddress("eth0", "10.67.0.2/24");
      nl.setUp("eth0");
    }
    Path www = lab.tempDir("www");
    Files.writeString(www.resolve("index.html"), "hello\n");
    try (NetnsHandle h = NetnsHandle.open(web)) {
      Process httpd = h.start(new ProcessBuilder("busybox", "httpd", "-f", "-p", "80", "-h", www.toString()));
      try {
        Await.until("httpd in the web namespace", Duration.ofSeconds(5), () -> lab.exec("nsenter", "--net=" + web,
            "--", "curl", "-s", "-o", "/dev/null", "-m", "1", "http://127.0.0.1/").ok());
        assertEquals("hello\n", lab.exec(client, "curl", "-s", "-m", "5", "http://10.67.0.1:5000/").stdout(),
            "from outside via the lab address");
        assertEquals("hello\n", lab.exec("curl", "-s", "-m", "5", "http://127.0.0.1:5000/").stdout(), "127.0.0.1");
        assertEquals("hello\n", lab.exec("curl", "-s", "-m", "5", "http://10.67.0.1:5000/").stdout(),
            "the host's own address");
        assertEquals("hello\n", lab.exec("nsenter", "--net=" + other, "--", "curl", "-s", "-m", "5",
            "http://10.67.0.1:5000/").stdout(), "hairpin from another sandbox");
        assertTrue(lab.netlink().hairpin("vb000000000041"), "joins turn hairpin on for the host end");
        assertEquals("hello\n", lab.exec("nsenter", "--net=" + web, "--", "curl", "-s", "-m", "5",
            "http://10.67.0.1:5000/").stdout(), "a container reaches its own published port through the host");
        // without hairpin the bridge will not send the DNAT'ed packet back out of the port it came in on
        lab.netlink().setHairpin("vb000000000041", false);
        assertFalse(lab.netlink().hairpin("vb000000000041"));
        assertFalse(lab.exec("nsenter", "--net=" + web, "--", "curl", "-s", "-m", "2", "http://10.67.0.1:5000/").ok(),
            "hairpin off: the container cannot reach itself");
        lab.netlink().setHairpin("vb000000000041", true);
        firewall.removePorts("web").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertFalse(lab.exec(client, "curl", "-s", "-m", "2", "http://10.67.0.1:5000/").ok(), "unpublished");
      } finally {
        httpd.destroy();
        httpd.waitFor();
      }
    }
    host.deleteLink("br-444444444444");
  }
}
