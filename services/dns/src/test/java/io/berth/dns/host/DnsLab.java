package io.berth.dns.host;

import io.berth.dns.domain.EndpointRecord;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import io.berth.host.netlink.Veth;
import io.berth.testing.Await;
import io.berth.testing.lab.ExecResult;
import io.berth.testing.lab.LabNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user-defined bridge network built by hand inside a lab namespace (the "node"): bridge {@code br0} with the
 * gateway addresses, and "containers" as namespaces with a veth into it. Upstream resolvers (dnsmasq) run in their
 * own namespaces on the same bridge. Everything goes away with the lab.
 */
final class DnsLab {
  static final String NET_ID = "ae".repeat(32);
  static final String NET = "localnet";
  static final String GW4 = "172.30.0.1";
  static final String GW6 = "fd30::1";

  private final LabNetns lab;
  private final NetnsHandle nodeNs;
  private final Netlink node;
  private final Map<String, NetnsHandle> sandboxes = new HashMap<>();
  private int nextIndex = 1;

  DnsLab(LabNetns lab) {
    this(lab, lab.netns());
  }

  /** The network's bridge in {@code nodeNs} (a second node of a cluster has its own). */
  DnsLab(LabNetns lab, NetnsHandle nodeNs) {
    this.lab = lab;
    this.nodeNs = nodeNs;
    this.node = nodeNs == lab.netns() ? lab.netlink() : lab.netlink(nodeNs);
    noDad(nodeNs);
    node.add(Bridge.of("br0").with(LinkAttrs.named("br0").withUp(true)));
    node.addAddress("br0", GW4 + "/24");
    node.addAddress("br0", GW6 + "/64");
  }

  /** A namespace with {@code eth0} on the bridge, addressed {@code 172.30.0.<host>} and {@code fd30::<host>}. */
  NetnsHandle sandbox(String name, int host) {
    NetnsHandle ns = lab.newNetns(name);
    noDad(ns);
    String hostSide = "vd" + (nextIndex++);
    node.add(Veth.of(hostSide, "eth0").withPeerNetns(ns.path()));
    node.setMaster(hostSide, "br0");
    node.setUp(hostSide);
    Netlink in = lab.netlink(ns);
    in.addAddress("eth0", ipv4(host) + "/24");
    in.addAddress("eth0", ipv6(host) + "/64");
    in.setUp("eth0");
    in.addRoute(Route.defaultVia(GW4));
    sandboxes.put(name, ns);
    return ns;
  }

  static String ipv4(int host) {
    return "172.30.0." + host;
  }

  static String ipv6(int host) {
    return "fd30::" + Integer.toHexString(host);
  }

  /** The endpoint record for a sandbox made by {@link #sandbox}. */
  static EndpointRecord endpoint(String container, String name, int host, String... aliases) {
    return new EndpointRecord("e-" + name, NET_ID, NET, container, name, "", List.of(aliases),
        ipv4(host) + "/24", ipv6(host) + "/64", "node1", true);
  }

  /**
   * Starts dnsmasq in its own sandbox on {@code 172.30.0.<host>}, answering from {@code hostsLines} only.
   *
   * @return the dnsmasq process (killed with the lab)
   */
  Process dnsmasq(String name, int host, List<String> hostsLines, String... extra) throws IOException {
    requireTool("dnsmasq", "dnsmasq-base");
    NetnsHandle ns = sandbox(name, host);
    Path dir = lab.tempDir(name);
    Path hosts = Files.writeString(dir.resolve("hosts"), String.join("\n", hostsLines) + "\n");
    List<String> cmd = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
        "--addn-hosts=" + hosts, "--listen-address=" + ipv4(host), "--bind-interfaces", "--port=53",
        "--user=root", "--pid-file=" + dir.resolve("pid"), "--log-facility=" + dir.resolve("log")));
    cmd.addAll(List.of(extra));
    Process p = lab.start(ns, cmd.toArray(String[]::new));
    try {
      Await.until("dnsmasq answers", Duration.ofSeconds(10), () -> lab.exec(ns, "dig", "+time=1", "+tries=1",
          "@" + ipv4(host), "probe.invalid").stdout().contains("status:"));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; dnsmasq's log: " + Files.readString(dir.resolve("log")), e);
    }
    return p;
  }

  /** The namespace the bridge is in. */
  NetnsHandle nodeNamespace() {
    return nodeNs;
  }

  /** Runs {@code dig} in a sandbox. */
  ExecResult dig(NetnsHandle from, String... args) {
    List<String> cmd = new ArrayList<>(List.of("dig", "+time=3", "+tries=1"));
    cmd.addAll(List.of(args));
    return lab.exec(from, cmd.toArray(String[]::new));
  }

  /** Aborts (skips) the test with the reason when a lab tool is not installed. */
  static void requireTool(String tool, String debianPackage) {
    boolean found = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/usr/sbin")
            .split(":"), new String[] {"/usr/sbin", "/usr/lib/podman"}).flatMap(java.util.Arrays::stream)
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    org.junit.jupiter.api.Assumptions.assumeTrue(found,
        tool + " is not installed (Debian package " + debianPackage + ")");
  }

  private void noDad(NetnsHandle ns) {
    // Fresh IPv6 addresses would stay tentative for a second or two; the tests need them at once.
    lab.exec(ns, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0", "net.ipv6.conf.all.accept_dad=0").orFail();
  }
}
