package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.testing.lab.LeakCheck;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.OutsideClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port publishing end to end, beyond the walkthrough of {@link S200BridgeNetworkingIT}: an address-less binding on a
 * dual-stack network published on {@code 0.0.0.0} and {@code [::]} and reached over IPv6 from a lab client; a
 * container reaching its own published port through the host (hairpin); port ranges, tcp and udp, and a range
 * colliding with a published port (Docker's 500, nothing kept); {@code --network container:<id>}. The node runs in a lab
 * namespace; the only traffic is between it, its sandboxes and a lab client namespace this test makes.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S210PortPublishingIT {
  static final String CLIENT_NS = "s210client" + ProcessHandle.current().pid();
  static final String LAB4 = "10.232.0.1";
  static final String LAB6 = "fd00:232::1";
  @TempDir static Path dir;
  static NodeProcess node;
  static OutsideClient outside;
  static Path www;
  static final List<Process> servers = new ArrayList<>();

  static String id(int n) {
    return String.format("%064x", 0x5210L * 1000 + n);
  }

  @BeforeAll
  static void startNode() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "end-to-end tests need root (network namespaces)");
    assertTrue(Commands.run("docker", "--version").ok(), "the docker CLI is required");
    node = NodeProcess.create(dir.resolve("node1"), "node1");
    node.start();
    // the lab "outside": a client namespace on a veth to the node's namespace, IPv4 and a ULA IPv6 prefix
    outside = OutsideClient.attach(node, CLIENT_NS, LAB4, "10.232.0.2", LAB6, "fd00:232::2");
    www = Files.createDirectories(dir.resolve("www"));
    Files.writeString(www.resolve("index.html"), "hello from c1\n");
    ok(node.docker("network", "create", "--ipv6", "--subnet", "10.90.0.0/24", "--subnet", "fd90::/64", "dualnet"));
    ok(node.docker("network", "create", "--subnet", "10.91.0.0/24", "rangenet"));
  }

  @AfterAll
  static void stopNode() throws Exception {
    for (Process p : servers) {
      p.destroy();
      p.waitFor();
    }
    if (outside != null) {
      outside.close();
    }
    if (node != null) {
      node.close();
    }
    LeakCheck.assertClean("s210client", Path.of("/run/berth-lab"));
  }

  // ---- helpers ----

  static Commands.Result ok(Commands.Result r) {
    assertTrue(r.ok(), r.toString());
    return r;
  }

  static Commands.Result client(String... cmd) {
    return outside.exec(cmd);
  }

  static JsonObject binding(int containerPort, String protocol, String hostPort) {
    return new JsonObject().put("containerPort", containerPort).put("protocol", protocol).put("hostIp", "")
        .put("hostPort", hostPort);
  }

  static void created(int n, String mode, JsonObject... bindings) {
    JsonObject c = new JsonObject().put("id", id(n)).put("name", "c" + n).put("node", "node1").put("image", "busybox")
        .put("createdAt", "2026-11-27T00:00:00Z").put("networkMode", mode)
        .put("portBindings", new JsonArray(List.of((Object[]) bindings)));
    ok(node.publish("io.berth.container.created", c.encode()));
  }

  static void removed(int n) {
    ok(node.publish("io.berth.container.removed", new JsonObject().put("id", id(n)).put("node", "node1")
        .put("removeVolumes", false).encode()));
  }

  static String serviceAddress() throws Exception {
    Matcher m = Pattern.compile("network API listening on (127\\.0\\.0\\.1:\\d+)").matcher(Files.readString(node.log()));
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  /** {@code GET} on the network service; the body, then the status code on the last line. */
  static String serviceGet(String path) {
    try {
      return node.inNetns("curl", "-s", "-w", "\n%{http_code}", "http://" + serviceAddress() + path).out();
    } catch (Exception e) {
      return "";
    }
  }

  static JsonObject sandboxView(int n) {
    String r = serviceGet("/sandboxes/" + id(n));
    assertTrue(r.endsWith("200"), r);
    return new JsonObject(r.substring(0, r.lastIndexOf('\n')));
  }

  static void await(String what, Supplier<Boolean> cond) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (cond.get()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** busybox httpd inside a sandbox (namespace file) on a port, serving {@link #www}. */
  static void httpd(Path sandbox, int port) throws Exception {
    servers.add(new ProcessBuilder("nsenter", "--net=" + sandbox, "--", "busybox", "httpd", "-f", "-p",
        String.valueOf(port), "-h", www.toString()).start());
    await("httpd on " + port, () -> Commands.run(List.of("nsenter", "--net=" + sandbox, "--", "curl", "-s", "-o",
        "/dev/null", "-m", "1", "http://127.0.0.1:" + port + "/"), java.util.Map.of(), 10).ok());
  }

  /** curl, retried a few times: fresh IPv6 addresses are tentative until duplicate address detection ends. */
  static String get(Supplier<Commands.Result> curl) throws InterruptedException {
    Commands.Result r = null;
    for (int i = 0; i < 15; i++) {
      r = curl.get();
      if (r.ok()) {
        return r.out();
      }
      Thread.sleep(300);
    }
    return r.toString();
  }

  // ---- the scenario ----

  @Test
  @Order(1)
  void anAddresslessBindingIsPublishedOnIpv4AndIpv6() throws Exception {
    created(1, "dualnet", binding(80, "tcp", "5000"));
    created(2, "dualnet");
    await("c1 and c2", () -> serviceGet("/sandboxes/" + id(1)).endsWith("200")
        && serviceGet("/sandboxes/" + id(2)).endsWith("200"));
    assertEquals(new JsonObject().put("80/tcp", new JsonArray()
            .add(new JsonObject().put("HostIp", "0.0.0.0").put("HostPort", "5000"))
            .add(new JsonObject().put("HostIp", "::").put("HostPort", "5000"))),
        sandboxView(1).getJsonObject("Ports"));
    Commands.Result port = ok(node.docker("port", "c1"));
    assertEquals("80/tcp -> 0.0.0.0:5000\n80/tcp -> [::]:5000", port.out().trim());
    httpd(node.sandbox(id(1)), 80);
    assertEquals("hello from c1\n", get(() -> client("curl", "-s", "-m", "3", "http://[" + LAB6 + "]:5000/")),
        "IPv6 from the lab client");
    assertEquals("hello from c1\n", get(() -> client("curl", "-s", "-m", "3", "http://" + LAB4 + ":5000/")),
        "IPv4 from the lab client");
    assertEquals("hello from c1\n", get(() -> node.inNetns("curl", "-s", "-m", "3", "http://[" + LAB6 + "]:5000/")),
        "IPv6 from the node itself");
    String nft = ok(node.inNetns("nft", "list", "map", "inet", "berth", "ports6")).out();
    assertTrue(nft.matches("(?s).*tcp \\. 5000 : fd90::[0-9a-f]+ \\. 80.*"), nft);
  }

  @Test
  @Order(2)
  void aContainerReachesItsOwnPublishedPort() throws Exception {
    assertEquals("hello from c1\n", get(() -> node.inSandbox(id(1), "curl", "-s", "-m", "3",
        "http://" + LAB4 + ":5000/")), "c1 through the host's address, hairpin");
    assertEquals("hello from c1\n", get(() -> node.inSandbox(id(1), "curl", "-s", "-m", "3",
        "http://[" + LAB6 + "]:5000/")), "c1 through the host's IPv6 address");
    assertEquals("hello from c1\n", get(() -> node.inSandbox(id(2), "curl", "-s", "-m", "3",
        "http://" + LAB4 + ":5000/")), "c2 through the host's address");
    String links = ok(node.inNetns("bridge", "-d", "link", "show")).out();
    assertTrue(links.contains("hairpin on") && !links.contains("hairpin off"), "every endpoint port: " + links);
  }

  @Test
  @Order(3)
  void portRangesTcpAndUdp() throws Exception {
    // -p 8000-8002:80-82 -p 8000-8001:90-91/udp, as the CLI sends them: one binding per container port
    created(3, "rangenet", binding(80, "tcp", "8000"), binding(81, "tcp", "8001"), binding(82, "tcp", "8002"),
        binding(90, "udp", "8000"), binding(91, "udp", "8001"));
    await("c3", () -> serviceGet("/sandboxes/" + id(3)).endsWith("200"));
    JsonObject ports = sandboxView(3).getJsonObject("Ports");
    assertEquals(5, ports.size(), ports.encode());
    assertEquals("8002", ports.getJsonArray("82/tcp").getJsonObject(0).getString("HostPort"));
    assertEquals("8001", ports.getJsonArray("91/udp").getJsonObject(0).getString("HostPort"));
    assertEquals(1, ports.getJsonArray("80/tcp").size(), "an IPv4-only network publishes on 0.0.0.0 only");
    httpd(node.sandbox(id(3)), 80);
    httpd(node.sandbox(id(3)), 81);
    assertEquals("hello from c1\n", get(() -> client("curl", "-s", "-m", "3", "http://" + LAB4 + ":8000/")));
    assertEquals("hello from c1\n", get(() -> client("curl", "-s", "-m", "3", "http://" + LAB4 + ":8001/")));
    // udp 8001 -> 91: an echo server in the sandbox, a datagram from the lab client
    servers.add(new ProcessBuilder("nsenter", "--net=" + node.sandbox(id(3)), "--", "python3", "-c",
        "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\ns.bind(('0.0.0.0',91))\n"
            + "while True:\n d,a=s.recvfrom(100)\n s.sendto(b'echo '+d,a)").start());
    String echo = get(() -> client("python3", "-c", "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
        + "s.settimeout(1)\ns.sendto(b'ping',('" + LAB4 + "',8001))\nprint(s.recvfrom(100)[0].decode())"));
    assertEquals("echo ping", echo.trim());
  }

  @Test
  @Order(4)
  void aRangeCollidingWithAPublishedPortIsRefusedAndKeepsNothing() throws Exception {
    String nftBefore = ok(node.inNetns("nft", "list", "table", "inet", "berth")).out();
    created(4, "rangenet", binding(80, "tcp", "8010"), binding(81, "tcp", "8002"), binding(82, "tcp", "8011"));
    await("c4 refused", () -> serviceGet("/sandboxes/" + id(4)).endsWith("500"));
    String r = serviceGet("/sandboxes/" + id(4));
    assertTrue(r.contains("Bind for 0.0.0.0:8002 failed: port is already allocated"), r);
    assertFalse(Files.exists(node.sandbox(id(4))), "no sandbox left");
    assertEquals(nftBefore, ok(node.inNetns("nft", "list", "table", "inet", "berth")).out(), "no rule left");
    // 8010 was given back: another container gets it
    created(5, "rangenet", binding(80, "tcp", "8010"));
    await("c5 on 8010", () -> serviceGet("/sandboxes/" + id(5)).contains("\"HostPort\":\"8010\""));
    removed(4);
    removed(5);
  }

  @Test
  @Order(5)
  void aContainerSharesAnothersNetworkNamespace() throws Exception {
    created(6, "container:c1");
    await("c6", () -> serviceGet("/sandboxes/" + id(6)).endsWith("200"));
    JsonObject c1 = sandboxView(1);
    JsonObject c6 = sandboxView(6);
    assertEquals(c1.getString("SandboxKey"), c6.getString("SandboxKey"), "the same namespace");
    assertEquals("container:" + id(1), c6.getString("Mode"));
    assertTrue(c6.getJsonObject("Networks").isEmpty(), "no endpoint of its own: " + c6);
    String key = c6.getString("SandboxKey");
    assertEquals("hello from c1\n", ok(Commands.run(List.of("nsenter", "--net=" + key, "--", "curl", "-s", "-m", "3",
        "http://127.0.0.1/"), java.util.Map.of(), 10)).out(), "c6 sees c1's server on its own loopback");
    created(7, "container:nosuch");
    // an unknown container answers 404 too: wait for the refusal's own message
    await("c7 refused", () -> serviceGet("/sandboxes/" + id(7)).contains("No such container: nosuch"));
    assertTrue(serviceGet("/sandboxes/" + id(7)).endsWith("404"));
    removed(6);
    await("c6 gone", () -> serviceGet("/sandboxes/" + id(6)).endsWith("404"));
    assertTrue(Files.exists(node.sandbox(id(1))), "c1's namespace stays");
    assertEquals("hello from c1\n", get(() -> client("curl", "-s", "-m", "3", "http://" + LAB4 + ":5000/")),
        "c1 is still published");
  }

  @Test
  @Order(6)
  void everythingGoesWithTheContainers() throws Exception {
    for (int n : new int[] {1, 2, 3, 6, 7}) {
      removed(n);
    }
    for (String net : List.of("dualnet", "rangenet")) {
      await(net + " removable", () -> node.docker("network", "rm", net).ok());
    }
    await("no sandbox, veth or port left", () -> {
      String links = node.inNetns("ip", "-o", "link", "show").out();
      String nft = node.inNetns("nft", "list", "table", "inet", "berth").out();
      return !links.contains(": vb") && !links.contains(": br-") && !nft.contains("elements");
    });
    try (var s = Files.list(node.execRoot().resolve("netns"))) {
      assertEquals(List.of(), s.toList());
    }
  }
}
