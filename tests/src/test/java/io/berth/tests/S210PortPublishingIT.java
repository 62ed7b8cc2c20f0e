package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.Await;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Port publishing end to end, beyond the walkthrough of {@link S200BridgeNetworkingIT}: an address-less binding on a
 * dual-stack network published on {@code 0.0.0.0} and {@code [::]} and reached over IPv6 from a lab client; a
 * container reaching its own published port through the host (hairpin); port ranges, tcp and udp, and a range
 * colliding with a published port (409, nothing kept); {@code --network container:<id>}. The node runs in a lab
 * namespace; the only traffic is between it, its sandboxes and a lab client namespace this test makes.
 */
@Tag("host")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S210PortPublishingIT {
  static final String CLIENT_NS = "s210client" + ProcessHandle.current().pid();
  static final String LAB4 = "10.232.0.1";
  static final String LAB6 = "fd00:232::1";
  @RegisterExtension static final Scenario s = Scenario.node("node1");
  static NodeProcess node;
  static OutsideClient outside;
  static Path www;
  static final List<Process> servers = new ArrayList<>();

  static String id(int n) {
    return String.format("%064x", 0x5210L * 1000 + n);
  }

  @BeforeAll
  static void startNode() throws Exception {
    node = s.node();
    // the lab "outside": a client namespace on a veth to the node's namespace, IPv4 and a ULA IPv6 prefix
    outside = OutsideClient.attach(node, CLIENT_NS, LAB4, "10.232.0.2", LAB6, "fd00:232::2");
    www = Files.createDirectories(s.dir().resolve("www"));
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
    LeakCheck.assertClean("s210client", Path.of("/run/berth-lab"));
  }

  // ---- helpers ----

  static Commands.Result ok(Commands.Result r) {
    return Scenario.ok(r);
  }

  static Commands.Result client(String... cmd) {
    return outside.exec(cmd);
  }

  static JsonObject binding(int containerPort, String protocol, String hostPort) {
    return new JsonObject().put("containerPort", containerPort).put("protocol", protocol).put("hostIp", "")
        .put("hostPort", hostPort);
  }

  static void created(int n, String mode, JsonObject... bindings) {
    s.created(s.container(id(n), "c" + n).put("networkMode", mode)
        .put("portBindings", new JsonArray(List.of((Object[]) bindings))));
  }

  static void removed(int n) {
    s.removed(id(n));
  }

  /** The network service's sandbox view of container n: its status and body. */
  static RawHttp.Reply sandbox(int n) {
    return s.networkGet("/sandboxes/" + id(n));
  }

  static JsonObject sandboxView(int n) {
    RawHttp.Reply r = sandbox(n);
    assertEquals(200, r.status(), r.body());
    return new JsonObject(r.body());
  }

  static void await(String what, BooleanSupplier cond) {
    s.await(what, cond);
  }

  /** busybox httpd inside a sandbox (namespace file) on a port, serving {@link #www}. */
  static void httpd(Path sandbox, int port) throws Exception {
    servers.add(new ProcessBuilder("nsenter", "--net=" + sandbox, "--", "busybox", "httpd", "-f", "-p",
        String.valueOf(port), "-h", www.toString()).start());
    await("httpd on " + port, () -> Commands.run(List.of("nsenter", "--net=" + sandbox, "--", "curl", "-s", "-o",
        "/dev/null", "-m", "1", "http://127.0.0.1:" + port + "/"), java.util.Map.of(), 10).ok());
  }

  /** curl, retried a while: fresh IPv6 addresses are tentative until duplicate address detection ends. */
  static String get(Callable<Commands.Result> curl) {
    return Await.until("the request succeeds", Duration.ofSeconds(30), curl, Commands.Result::ok).out();
  }

  // ---- the scenario ----

  @Test
  @Order(1)
  void anAddresslessBindingIsPublishedOnIpv4AndIpv6() throws Exception {
    created(1, "dualnet", binding(80, "tcp", "5000"));
    created(2, "dualnet");
    await("c1 and c2", () -> sandbox(1).status() == 200
        && sandbox(2).status() == 200);
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
    await("c3", () -> sandbox(3).status() == 200);
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
    RawHttp.Reply r = s.await("c4 refused", () -> sandbox(4), reply -> reply.status() == 409);
    assertTrue(r.body().contains("Bind for 0.0.0.0:8002 failed: port is already allocated"), r.body());
    assertFalse(Files.exists(node.sandbox(id(4))), "no sandbox left");
    assertEquals(nftBefore, ok(node.inNetns("nft", "list", "table", "inet", "berth")).out(), "no rule left");
    // 8010 was given back: another container gets it
    created(5, "rangenet", binding(80, "tcp", "8010"));
    await("c5 on 8010", () -> sandbox(5).body().contains("\"HostPort\":\"8010\""));
    removed(4);
    removed(5);
  }

  @Test
  @Order(5)
  void aContainerSharesAnothersNetworkNamespace() throws Exception {
    created(6, "container:c1");
    await("c6", () -> sandbox(6).status() == 200);
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
    RawHttp.Reply c7 = s.await("c7 refused", () -> sandbox(7), r -> r.body().contains("No such container: nosuch"));
    assertEquals(404, c7.status(), c7.body());
    removed(6);
    await("c6 gone", () -> sandbox(6).status() == 404);
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
