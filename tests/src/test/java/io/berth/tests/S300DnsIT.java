package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.lab.LeakCheck;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.Repo;
import io.berth.testing.node.Scenario;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service discovery end to end, the seed's {@code docker container run --name c2 --network localnet ... ping c1}:
 * the node in a lab namespace, networks through the docker CLI, containers through container events, queries from
 * inside the sandboxes to the resolver on the network's gateway. The only upstream is a dnsmasq the test runs in a
 * lab namespace (daemon.json {@code dns} and the containers' {@code --dns} point there), so nothing leaves the lab.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S300DnsIT {
  static final String UPSTREAM_NS = "s300up" + ProcessHandle.current().pid();
  static final String UPSTREAM_IP = "10.232.0.2";
  @RegisterExtension static final Scenario s = Scenario.node("node1")
      .daemonJson("{\"log-level\": \"info\", \"dns\": [\"" + UPSTREAM_IP + "\"]}\n");
  static NodeProcess node;
  static Path dir;
  static Process dnsmasq;

  static String id(int n) {
    return String.format("%04x", 0x5300 + n).repeat(16);
  }

  @BeforeAll
  static void startNode() throws Exception {
    assertTrue(Commands.run("which", "dnsmasq").ok(), "dnsmasq (Debian dnsmasq-base) is needed as the lab upstream");
    node = s.node();
    dir = s.dir();
    // the lab upstream: its own namespace, a veth into the node's namespace, dnsmasq answering from a hosts file
    ok(Commands.run("ip", "netns", "add", UPSTREAM_NS));
    ok(node.inNetns("ip", "link", "add", "up0", "type", "veth", "peer", "name", "eth0", "netns",
        "/run/netns/" + UPSTREAM_NS));
    ok(node.inNetns("ip", "addr", "add", "10.232.0.1/24", "dev", "up0"));
    ok(node.inNetns("ip", "link", "set", "up0", "up"));
    ok(Commands.run("ip", "-n", UPSTREAM_NS, "addr", "add", UPSTREAM_IP + "/24", "dev", "eth0"));
    ok(Commands.run("ip", "-n", UPSTREAM_NS, "link", "set", "eth0", "up"));
    ok(Commands.run("ip", "-n", UPSTREAM_NS, "link", "set", "lo", "up"));
    ok(Commands.run("ip", "-n", UPSTREAM_NS, "route", "add", "default", "via", "10.232.0.1"));
    Path hosts = Files.writeString(dir.resolve("upstream-hosts"), "10.99.0.1 external.test\n10.99.0.5 api.dockercerts.com\n");
    dnsmasq = new ProcessBuilder("ip", "netns", "exec", UPSTREAM_NS, "dnsmasq", "--keep-in-foreground", "--no-resolv",
        "--no-hosts", "--addn-hosts=" + hosts, "--listen-address=" + UPSTREAM_IP, "--bind-interfaces",
        "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-facility=" + dir.resolve("dnsmasq.log"))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (dnsmasq != null) {
      dnsmasq.destroy();
      dnsmasq.waitFor();
    }
    Commands.run("ip", "netns", "del", UPSTREAM_NS);
    LeakCheck.assertClean("s300up", Path.of("/run/berth-lab"));
  }

  // ---- helpers ----

  static Commands.Result ok(Commands.Result r) {
    return Scenario.ok(r);
  }

  static void created(int n, String name, String network, JsonArray aliases, JsonObject dns) {
    JsonObject c = s.container(id(n), name).put("networkMode", network);
    if (aliases != null) {
      c.put("networks", new JsonArray().add(new JsonObject().put("network", network).put("aliases", aliases)));
    }
    if (dns != null) {
      c.put("dns", dns);
    }
    s.created(c);
  }

  static Path sandbox(int n) {
    return node.sandbox(id(n));
  }

  static Path resolvConf(int n) {
    return node.dataRoot().resolve("containers").resolve(id(n)).resolve("resolv.conf");
  }

  static Commands.Result inSandbox(int n, String... cmd) {
    return node.inSandbox(id(n), cmd);
  }

  /** Runs a command in the sandbox with the container's written resolv.conf as /etc/resolv.conf (private mount). */
  static Commands.Result withResolvConf(int n, String command) {
    return Commands.run(List.of("unshare", "-m", "--", "sh", "-c", "mount --bind " + resolvConf(n)
        + " /etc/resolv.conf && exec nsenter --net=" + sandbox(n) + " -- " + command), Map.of(), 30);
  }

  static String gateway(String network) {
    return s.gateway(network);
  }

  static String ipOf(String network, int n) {
    return s.ipOf(network, id(n));
  }

  static String dig(int n, String... args) {
    List<String> cmd = new ArrayList<>(List.of("dig", "+time=2", "+tries=1"));
    cmd.addAll(List.of(args));
    return inSandbox(n, cmd.toArray(String[]::new)).out();
  }

  static void await(String what, BooleanSupplier cond) {
    // A pass over 10 s is printed: names answer within milliseconds, so a slow one is a bug showing (a gateway
    // whose MAC changed under the containers took 15 to 45 s once).
    long started = System.nanoTime();
    s.await(what, cond);
    long ms = (System.nanoTime() - started) / 1_000_000;
    if (ms > 10_000) {
      System.err.println("slow: " + what + " took " + ms + " ms");
    }
  }

  // ---- the scenario ----

  @Test
  @Order(1)
  void containersOnLocalnetResolveEachOther() throws Exception {
    ok(node.docker("network", "create", "-d", "bridge", "localnet"));
    created(1, "c1", "localnet", new JsonArray().add("web"), null);
    created(2, "c2", "localnet", null, new JsonObject().put("servers", new JsonArray().add(UPSTREAM_IP))
        .put("search", new JsonArray().add("dockercerts.com")));
    await("c2's resolv.conf", () -> Files.exists(resolvConf(2)) && Files.exists(sandbox(1)));
    String gw = gateway("localnet");
    String c1 = ipOf("localnet", 1);
    await("c1 answers", () -> inSandbox(2, "busybox", "nslookup", "c1", gw).out().contains(c1));
    assertEquals(c1, dig(2, "+short", "@" + gw, "c1").trim());
    assertEquals(c1, dig(2, "+short", "+tcp", "@" + gw, "web").trim(), "network alias over TCP");
    assertEquals(c1, dig(2, "+short", "@" + gw, "c1.localnet").trim());
    assertEquals(c1, dig(2, "+short", "@" + gw, id(1).substring(0, 12)).trim(), "short id");
    assertEquals("c1.localnet.", dig(2, "+short", "@" + gw, "-x", c1).trim());
    String rc = Files.readString(resolvConf(2));
    assertTrue(rc.contains("nameserver " + gw + "\n") && rc.contains("search dockercerts.com\n")
        && rc.contains("options ndots:0\n"), rc);
    // the written resolv.conf works as the container's own
    Commands.Result ping = withResolvConf(2, "busybox ping -c1 -W2 c1");
    assertTrue(ping.ok() && ping.out().contains(c1), ping.toString());
  }

  @Test
  @Order(2)
  void forwardingAndSearchThroughTheLabUpstream() throws Exception {
    String gw = gateway("localnet");
    assertEquals("10.99.0.1", dig(2, "+short", "@" + gw, "external.test").trim(), "--dns upstream");
    assertEquals("10.99.0.1", dig(1, "+short", "@" + gw, "external.test").trim(), "daemon.json dns upstream");
    Commands.Result search = withResolvConf(2, "dig +time=2 +tries=1 +short +search +ndots=1 api");
    assertEquals("10.99.0.5", search.out().trim(), search.toString());
  }

  @Test
  @Order(3)
  void defaultBridgeAndOtherNetworksDoNotResolve() throws Exception {
    ok(node.docker("network", "create", "othernet"));
    created(3, "c3", "othernet", null, null);
    created(4, "c4", "bridge", null, null);
    await("c3 and c4", () -> Files.exists(resolvConf(3)) && Files.exists(resolvConf(4)));
    String c1 = ipOf("localnet", 1);
    String other = gateway("othernet");
    await("othernet's resolver", () -> dig(3, "@" + other, "external.test").contains("10.99.0.1"));
    assertFalse(dig(3, "+short", "@" + other, "c1").contains(c1), "c3 on othernet must not resolve c1");
    String rc4 = Files.readString(resolvConf(4));
    assertTrue(rc4.contains("nameserver " + UPSTREAM_IP + "\n") && !rc4.contains("ndots:0"),
        "default bridge: the upstreams themselves\n" + rc4);
    Commands.Result c4 = withResolvConf(4, "dig +time=2 +tries=1 +short c1");
    assertFalse(c4.out().contains(c1), c4.toString());
    assertFalse(dig(4, "+short", "@" + gateway("localnet"), "c1").contains(c1),
        "a default-bridge container is not a member of localnet");
  }

  @Test
  @Order(5)
  void aaaaOnAnIpv6Network() throws Exception {
    ok(node.docker("network", "create", "--ipv6", "--subnet", "172.29.53.0/24", "--subnet", "fd53::/64", "v6net"));
    created(5, "c5", "v6net", null, null);
    created(6, "c6", "v6net", null, null);
    await("c5 and c6", () -> Files.exists(resolvConf(6)) && Files.exists(sandbox(5)));
    JsonObject cs = new JsonObject(ok(node.docker("network", "inspect", "v6net", "--format",
        "{{json .Containers}}")).out());
    String v6 = cs.getJsonObject(id(5)).getString("IPv6Address");
    assertTrue(v6 != null && v6.startsWith("fd53:"), cs.encodePrettily());
    String c5v6 = v6.substring(0, v6.indexOf('/'));
    String gw = gateway("v6net");
    await("AAAA for c5", () -> dig(6, "+short", "@" + gw, "AAAA", "c5").trim().equals(c5v6));
    assertEquals("c5.v6net.", dig(6, "+short", "@" + gw, "-x", c5v6).trim());
    await("the IPv6 gateway answers too", () -> dig(6, "+short", "@fd53::1", "c5").trim()
        .equals(ipOf("v6net", 5)));
  }

  @Test
  @Order(4)
  void disconnectRewritesAndForgets() throws Exception {
    String gw = gateway("localnet");
    ok(node.docker("network", "connect", "localnet", "c3"));
    String c3 = ipOf("localnet", 3);
    await("c3 on localnet", () -> dig(2, "+short", "@" + gw, "c3").contains(c3));
    ok(node.docker("network", "disconnect", "localnet", "c3"));
    await("c3 gone from localnet", () -> !dig(2, "+short", "@" + gw, "c3").contains(c3));
  }
}
