package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.lab.LeakCheck;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.OutsideClient;
import io.berth.testing.node.RawHttp;
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
 * Bridge networking end to end: the node in a lab namespace, networks through the real docker CLI, containers
 * through container events ({@code bin/berth events publish}), traffic only between the node's namespace, the
 * sandboxes and a lab client namespace this test makes. The seed's walkthrough, isolation, {@code --internal},
 * port publishing (lab address, 127.0.0.1, hairpin, random port), every bad input, connect/disconnect, and a
 * kill -9 in the middle of container churn followed by a restart that leaves nothing behind.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S200BridgeNetworkingIT {
  static final String CLIENT_NS = "s200client" + ProcessHandle.current().pid();
  static final String LAB_NODE_IP = "10.231.0.1";
  static final String BIP = "10.240.1.1/24";
  static final String POOL = "10.241.0.0/16";
  @RegisterExtension static final Scenario s = Scenario.node("node1").daemonJson(new JsonObject()
      .put("log-level", "info").put("bip", BIP)
      .put("default-address-pools", new JsonArray().add(new JsonObject().put("base", POOL).put("size", 24))).encode());
  static NodeProcess node;
  static OutsideClient client;
  static Path www;

  static String id(int n) {
    return String.format("%064x", 0x5200L * 1000 + n);
  }

  @BeforeAll
  static void startNode() throws Exception {
    node = s.node();
    client = OutsideClient.attach(node, CLIENT_NS, LAB_NODE_IP, "10.231.0.2", null, null);
    www = Files.createDirectories(s.dir().resolve("www"));
    Files.writeString(www.resolve("index.html"), "hello from c1\n");
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (client != null) {
      client.close();
    }
    LeakCheck.assertClean("s200client", Path.of("/run/berth-lab"));
  }

  // ---- helpers ----

  static Commands.Result ok(Commands.Result r) {
    return Scenario.ok(r);
  }

  static void created(int n, String name, String network, String hostPort) {
    JsonArray ports = new JsonArray();
    if (hostPort != null) {
      ports.add(new JsonObject().put("containerPort", 80).put("protocol", "tcp").put("hostIp", "").put("hostPort", hostPort));
    }
    s.created(s.container(id(n), name).put("networkMode", network).put("portBindings", ports));
  }

  static Path sandbox(int n) {
    return node.sandbox(id(n));
  }

  static Commands.Result inSandbox(int n, String... cmd) {
    return node.inSandbox(id(n), cmd);
  }

  static void await(String what, BooleanSupplier cond) {
    s.await(what, cond);
  }

  static String ipOf(String network, int n) {
    return s.ipOf(network, id(n));
  }

  static String hostState() {
    return node.inNetns("ip", "-o", "link", "show").out() + node.inNetns("nft", "list", "table", "inet", "berth").out()
        + String.join(",", listNetns());
  }

  static List<String> listNetns() {
    try (var s = Files.list(node.execRoot().resolve("netns"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  // ---- the scenario ----

  @Test
  @Order(1)
  void bipAndDefaultAddressPoolsShapeTheRealNetworks() {
    JsonObject bridge = new JsonArray(ok(node.docker("network", "inspect", "bridge")).out()).getJsonObject(0);
    JsonObject ipam = bridge.getJsonObject("IPAM").getJsonArray("Config").getJsonObject(0);
    assertEquals("10.240.1.0/24", ipam.getString("Subnet"), bridge.encode());
    assertEquals("10.240.1.1", ipam.getString("Gateway"), bridge.encode());
    String berth0 = ok(node.inNetns("ip", "-4", "-o", "addr", "show", "dev", "berth0")).out();
    assertTrue(berth0.contains("inet " + BIP + " "), "the default bridge has bip's address: " + berth0);
    ok(node.docker("network", "create", "pooled1"));
    ok(node.docker("network", "create", "pooled2"));
    assertEquals("10.241.0.0/24 10.241.1.0/24", s.dockerOk("network", "inspect", "pooled1", "pooled2", "--format",
        "{{(index .IPAM.Config 0).Subnet}}").replace('\n', ' '), "new networks take their subnets from the pool");
    ok(node.docker("network", "rm", "pooled1", "pooled2"));
  }

  @Test
  @Order(2)
  void seedWalkthrough() throws Exception {
    Commands.Result ls = ok(node.docker("network", "ls"));
    assertTrue(ls.out().matches("(?s).*bridge\\s+bridge\\s+local.*host\\s+host\\s+local.*none\\s+null\\s+local.*"), ls.out());
    assertTrue(ok(node.docker("network", "create", "-d", "bridge", "localnet")).out().trim().matches("[0-9a-f]{64}"));
    created(1, "c1", "localnet", "5000");
    created(2, "c2", "localnet", null);
    await("c1 and c2 on localnet", () -> {
      String out = node.docker("network", "inspect", "localnet", "--format", "{{json .Containers}}").out();
      return out.contains("\"Name\":\"c1\"") && out.contains("\"Name\":\"c2\"");
    });
    ok(inSandbox(2, "busybox", "ping", "-c1", "-W2", ipOf("localnet", 1)));
    String netId = ok(node.docker("network", "inspect", "localnet", "--format", "{{.Id}}")).out().trim();
    String bridges = ok(node.inNetns("bridge", "link")).out();
    assertEquals(2, bridges.lines().filter(l -> l.contains("master br-" + netId.substring(0, 12))).count(), bridges);
    assertTrue(ok(node.inNetns("ip", "link", "show")).out().contains("br-" + netId.substring(0, 12)));
  }

  @Test
  @Order(3)
  void networksAreIsolatedAndInternalStaysInside() throws Exception {
    ok(node.docker("network", "create", "othernet"));
    ok(node.docker("network", "create", "--internal", "--subnet", "10.77.0.0/24", "intnet"));
    created(3, "c3", "othernet", null);
    created(4, "c4", "intnet", null);
    await("c3 and c4", () -> Files.exists(sandbox(3)) && Files.exists(sandbox(4))
        && node.docker("network", "inspect", "intnet", "--format", "{{json .Containers}}").out().contains("c4"));
    String c1 = ipOf("localnet", 1);
    assertFalse(inSandbox(3, "busybox", "ping", "-c1", "-W1", c1).ok(), "othernet must not reach localnet");
    assertFalse(inSandbox(4, "busybox", "ping", "-c1", "-W1", c1).ok(), "internal must not reach localnet");
    assertFalse(inSandbox(4, "ip", "route").out().contains("default"), "an internal network gives no default route");
    assertTrue(inSandbox(3, "ip", "route").out().contains("default via"));
    String nft = ok(node.inNetns("nft", "list", "table", "inet", "berth")).out();
    String subnet = new JsonArray(ok(node.docker("network", "inspect", "localnet", "--format", "{{json .IPAM.Config}}"))
        .out()).getJsonObject(0).getString("Subnet");
    assertTrue(nft.contains("ip saddr " + subnet + " oifname != "), nft);
    assertFalse(nft.contains("ip saddr 10.77.0.0/24"), "no masquerade for an internal network:\n" + nft);
    assertEquals("", ok(node.inNetns("nft", "list", "tables")).out().lines()
        .filter(t -> !t.equals("table inet berth")).reduce("", String::concat), "berth makes no other table");
  }

  @Test
  @Order(4)
  void publishedPortAnswersFromOutsideLocalhostAndOtherContainers() throws Exception {
    Process httpd = new ProcessBuilder("nsenter", "--net=" + sandbox(1), "--", "busybox", "httpd", "-f", "-p", "80",
        "-h", www.toString()).start();
    try {
      await("httpd in c1", () -> inSandbox(1, "curl", "-s", "-o", "/dev/null", "-m", "1", "http://127.0.0.1/").ok());
      String viaLab = ok(client.exec("curl", "-s", "-m", "5",
          "http://" + LAB_NODE_IP + ":5000/")).out();
      assertEquals("hello from c1\n", viaLab);
      assertEquals("hello from c1\n", ok(node.inNetns("curl", "-s", "-m", "5", "http://127.0.0.1:5000/")).out());
      assertEquals("hello from c1\n", ok(inSandbox(2, "curl", "-s", "-m", "5", "http://" + LAB_NODE_IP + ":5000/")).out(),
          "hairpin from c2");
    } finally {
      httpd.destroy();
      httpd.waitFor();
    }
    RawHttp.Reply view = s.networkGet("/sandboxes/c1");
    assertEquals(200, view.status(), view.body());
    JsonObject sandbox = new JsonObject(view.body());
    assertEquals(new JsonObject().put("80/tcp", new JsonArray().add(new JsonObject().put("HostIp", "0.0.0.0")
        .put("HostPort", "5000"))), sandbox.getJsonObject("Ports"));
    assertEquals("eth0", sandbox.getJsonObject("Networks").getJsonObject("localnet").getString("InterfaceName"));
    // The seed's `docker port web`, and inspect's network settings, served by the gateway from the same sandbox.
    Commands.Result port = node.docker("port", "c1");
    assertTrue(port.ok(), port.toString());
    assertEquals("80/tcp -> 0.0.0.0:5000", port.out().trim());
    Commands.Result ip = node.docker("inspect", "--format", "{{.NetworkSettings.Networks.localnet.IPAddress}}", "c1");
    assertTrue(ip.ok(), ip.toString());
    assertEquals(sandbox.getJsonObject("Networks").getJsonObject("localnet").getString("IPAddress"), ip.out().trim());
  }

  @Test
  @Order(5)
  void randomHostPort() throws Exception {
    created(5, "c5", "localnet", "");
    RawHttp.Reply c5 = s.await("c5 published", () -> s.networkGet("/sandboxes/c5"),
        r -> Files.exists(sandbox(5)) && r.body().contains("80/tcp"));
    int port = Integer.parseInt(new JsonObject(c5.body()).getJsonObject("Ports")
        .getJsonArray("80/tcp").getJsonObject(0).getString("HostPort"));
    assertTrue(port >= 32768 && port <= 60999, "port " + port);
  }

  @Test
  @Order(6)
  void badInputsAreRefusedWithDockersMessagesAndChangeNothing() throws Exception {
    String before = hostState();
    String subnet = new JsonArray(ok(node.docker("network", "inspect", "localnet", "--format", "{{json .IPAM.Config}}"))
        .out()).getJsonObject(0).getString("Subnet");
    expectError("invalid pool request: Pool overlaps with other one on this address space",
        "network", "create", "--subnet", subnet, "overlap");
    expectError("invalid CIDR address: 10.1.2.0/33", "network", "create", "--subnet", "10.1.2.0/33", "badcidr");
    expectError("no matching subnet for gateway 10.9.9.1", "network", "create", "--subnet", "10.8.0.0/24",
        "--gateway", "10.9.9.1", "badgw");
    expectError("error while removing network: network localnet id", "network", "rm", "localnet");
    expectError("network with name localnet already exists", "network", "create", "localnet");
    expectError("No such container: nosuch", "network", "connect", "localnet", "nosuch");
    expectError("network nosuchnet not found", "network", "rm", "nosuchnet");
    created(6, "c6", "localnet", "5000");
    RawHttp.Reply r = s.await("c6 refused", () -> s.networkGet("/sandboxes/" + id(6)),
        reply -> reply.body().contains("port is already allocated"));
    assertEquals(409, r.status(), r.body());
    assertTrue(r.body().contains("Bind for 0.0.0.0:5000 failed: port is already allocated"), r.body());
    assertEquals(before, hostState(), "a refused request changes nothing on the host");
  }

  static void expectError(String message, String... args) {
    Commands.Result r = node.docker(args);
    assertFalse(r.ok(), r.toString());
    assertTrue(r.err().contains(message), "expected '" + message + "' in " + r);
  }

  @Test
  @Order(7)
  void connectAndDisconnect() throws Exception {
    ok(node.docker("network", "connect", "--alias", "web", "localnet", "c3"));
    String cs = ok(node.docker("network", "inspect", "localnet", "--format", "{{json .Containers}}")).out();
    assertTrue(cs.contains("\"Name\":\"c3\""), cs);
    assertTrue(inSandbox(3, "ip", "-br", "addr").out().contains("eth1"));
    ok(inSandbox(3, "busybox", "ping", "-c1", "-W2", ipOf("localnet", 1)));
    ok(node.docker("network", "disconnect", "localnet", "c3"));
    assertFalse(inSandbox(3, "ip", "-br", "addr").out().contains("eth1"));
    assertFalse(ok(node.docker("network", "inspect", "localnet", "--format", "{{json .Containers}}")).out()
        .contains("\"Name\":\"c3\""));
  }

  @Test
  @Order(8)
  void killDuringChurnThenRestartLeavesNothingBehind() throws Exception {
    String addr = s.networkApi();
    // churn through the synchronous sandbox API (fast), kill -9 while it runs
    Process churn = new ProcessBuilder("nsenter", "--net=/run/netns/" + node.netns(), "--", "bash", "-c",
        "for i in $(seq 10 40); do id=$(printf '%064x' $((0x5200*1000+i))); curl -s -o /dev/null -X POST "
            + "-H 'Content-Type: application/json' http://" + addr + "/sandboxes -d '{\"id\":\"'$id'\",\"name\":\"churn'$i'\","
            + "\"node\":\"node1\",\"image\":\"busybox\",\"createdAt\":\"2026-11-27T00:00:00Z\",\"networkMode\":\"localnet\","
            + "\"portBindings\":[{\"containerPort\":80,\"hostPort\":\"\"}]}'; done").start();
    // kill in the middle of the churn: once a few of its sandboxes exist, well before the 31st
    s.await("the churn under way", () -> listNetns().stream().filter(n -> n.startsWith("0000000000000000")).count() >= 3);
    node.kill();
    churn.destroyForcibly().waitFor();
    node.start();
    // remove every container the node knows, through events and the API
    for (int n : new int[] {1, 2, 3, 4, 5}) {
      s.networkDelete("/sandboxes/" + id(n));
    }
    for (int i = 10; i <= 40; i++) {
      s.networkDelete("/sandboxes/" + id(i));
    }
    s.removed(id(6));
    for (String net : List.of("localnet", "othernet", "intnet")) {
      ok(node.docker("network", "rm", net));
    }
    await("no sandbox, endpoint veth or port left", () -> {
      String links = node.inNetns("ip", "-o", "link", "show").out();
      return listNetns().isEmpty() && !links.contains(": vb") && !links.contains(": br-");
    });
    String nft = ok(node.inNetns("nft", "list", "table", "inet", "berth")).out();
    assertFalse(nft.contains("elements"), "no port mapping left:\n" + nft);
    assertFalse(nft.contains("br-"), "no rule of a removed network left:\n" + nft);
    assertTrue(node.inNetns("ip", "-o", "link", "show").out().contains("berth0"), "the default bridge stays");
  }

  @Test
  @Order(9)
  void ipv6ListFiltersAndPrune() throws Exception {
    ok(node.docker("network", "create", "--ipv6", "--subnet", "fd42:200::/64", "--label", "team=net", "v6net"));
    JsonObject v6 = new JsonArray(ok(node.docker("network", "inspect", "v6net")).out()).getJsonObject(0);
    assertTrue(v6.getBoolean("EnableIPv6"), v6.encode());
    assertEquals(2, v6.getJsonObject("IPAM").getJsonArray("Config").size(), v6.encode());
    assertEquals("v6net", ok(node.docker("network", "ls", "--filter", "label=team=net", "--format", "{{.Name}}"))
        .out().trim());
    assertEquals("bridge\nhost\nnone", ok(node.docker("network", "ls", "--filter", "type=builtin", "--format",
        "{{.Name}}")).out().trim().lines().sorted().reduce((a, b) -> a + "\n" + b).orElse(""));
    Commands.Result pruned = ok(node.docker("network", "prune", "-f"));
    assertTrue(pruned.out().contains("Deleted Networks:\nv6net"), pruned.out());
    expectError("bridge is a pre-defined network and cannot be removed", "network", "rm", "bridge");
  }

  @Test
  @Order(10)
  void hostAndNoneModes() throws Exception {
    created(7, "c7", "none", null);
    created(8, "c8", "host", null);
    await("c7 and c8", () -> node.docker("network", "inspect", "host", "--format", "{{json .Containers}}").out()
        .contains("c8") && Files.exists(sandbox(7)));
    String links = ok(inSandbox(7, "ip", "-o", "link")).out();
    assertEquals(1, links.lines().count(), "a none sandbox has only lo: " + links);
    assertFalse(Files.exists(sandbox(8)), "a host container gets no namespace of its own");
    assertTrue(s.networkGet("/sandboxes/c8").body().contains("\"Mode\":\"host\""));
    assertTrue(node.docker("network", "inspect", "none", "--format", "{{json .Containers}}").out().contains("c7"));
    for (int n : new int[] {7, 8}) {
      s.networkDelete("/sandboxes/" + id(n));
    }
    await("c7 gone", () -> !Files.exists(sandbox(7)));
  }
}
