package io.berth.dns.host;

import static io.berth.dns.host.DnsLab.GW4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.dns.DnsService;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.events.BerthEvents;
import io.berth.events.Topics;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.host.NetnsHandle;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.testing.Await;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dns service in a node in this JVM (embedded Kafka and Hazelcast), listening in a lab namespace: events in,
 * names answered from the sandboxes, files written and announced, state kept across a restart.
 */
@Tag("host")
class DnsNodeIT {
  static final String C1 = "d1".repeat(32);
  static final String C2 = "d2".repeat(32);
  static final String C3 = "d3".repeat(32);
  static final String BRIDGE_ID = "b".repeat(64);

  @RegisterExtension
  LabNetns lab = new LabNetns();
  @TempDir
  Path dir;

  BerthNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.stop();
    }
  }

  private BerthNode start(DaemonConfig config) throws Exception {
    DnsService.Settings settings = new DnsService.Settings(dir.resolve("resolv.conf"),
        EmbeddedResolver.Options.defaults().withTimeout(Duration.ofSeconds(1)));
    return BerthNode.start(config, "node", List.of(new DnsService(new NetnsListenNamespace(lab.netns()), settings)),
        true);
  }

  private void publish(CloudEvent... events) {
    for (CloudEvent e : events) {
      node.context().events().publish(e).await();
    }
  }

  @Test
  void eventsToNamesFilesAndBackAfterARestart() throws Exception {
    DnsLab net = new DnsLab(lab);
    NetnsHandle c1 = net.sandbox("c1", 11);
    NetnsHandle c2 = net.sandbox("c2", 12);
    Files.writeString(dir.resolve("resolv.conf"),
        "nameserver 127.0.0.53\nnameserver 172.30.0.250\nsearch lab.example\n");
    DaemonConfig config = DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString()).put("exec-root", dir.resolve("run").toString())
        .put("node-name", "dnsnode")
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "dns-" + UUID.randomUUID())));
    node = start(config);
    String me = node.context().node();
    Map<String, DnsSandboxConfigured> announced = new ConcurrentHashMap<>();
    node.context().events().subscribe(Topics.DNS_EVENTS, "dns-it-" + UUID.randomUUID(), e -> {
      DnsSandboxConfigured c = BerthEvents.data(e, DnsSandboxConfigured.class);
      announced.put(c.containerId(), c);
      return Future.succeededFuture();
    }).await();

    publish(LabEvents.networkCreated(me),
        LabEvents.containerCreated(me, C1, "c1", new JsonObject().put("search", new JsonArray().add("dockercerts.com"))),
        LabEvents.containerCreated(me, C2, "c2", null),
        LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true, C1, "c1", 11),
        LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true, C2, "c2", 12),
        LabEvents.endpoint("joined", me, BRIDGE_ID, "bridge", false, C3, "c3", 13));

    awaitTrue(() -> "172.30.0.11".equals(net.dig(c2, "+short", "@" + GW4, "c1").stdout().strip()), "c1 resolves");
    assertEquals("172.30.0.12", net.dig(c1, "+short", "+tcp", "@" + GW4, "c2").stdout().strip());
    assertEquals(C1.substring(0, 12) + ".", "" + net.dig(c2, "+short", "@" + GW4, C1.substring(0, 12)).stdout()
        .strip().replace("172.30.0.11", C1.substring(0, 12) + "."));

    Path c1Files = dir.resolve("data/containers").resolve(C1);
    awaitTrue(() -> Files.exists(c1Files.resolve("resolv.conf")) && announced.containsKey(C1), "c1's files");
    String rc1 = Files.readString(c1Files.resolve("resolv.conf"));
    assertTrue(rc1.contains("nameserver 172.30.0.1\n") && rc1.contains("search dockercerts.com\n")
        && rc1.contains("options ndots:0\n"), rc1);
    assertTrue(Files.readString(c1Files.resolve("hosts")).contains("172.30.0.11\t" + C1.substring(0, 12) + " c1"));
    assertEquals(C1.substring(0, 12) + "\n", Files.readString(c1Files.resolve("hostname")));
    DnsSandboxConfigured ann = announced.get(C1);
    assertEquals(c1Files.resolve("resolv.conf").toString(), ann.resolvConfPath());
    assertEquals(List.of("172.30.0.1"), ann.nameservers());

    // The default bridge has no name resolution: its container gets the upstreams (loopback ones skipped).
    Path c3Conf = dir.resolve("data/containers").resolve(C3).resolve("resolv.conf");
    awaitTrue(() -> Files.exists(c3Conf), "c3's resolv.conf");
    String rc3 = Files.readString(c3Conf);
    assertTrue(rc3.contains("nameserver 172.30.0.250\n") && !rc3.contains("127.0.0.53"), rc3);

    // Leaving removes the name and rewrites the files.
    publish(LabEvents.endpoint("left", me, DnsLab.NET_ID, DnsLab.NET, true, C1, "c1", 11));
    awaitTrue(() -> !net.dig(c2, "+short", "@" + GW4, "c1").stdout().contains("172.30.0.11"), "c1 gone");
    awaitTrue(() -> read(c1Files.resolve("resolv.conf")).contains("nameserver 172.30.0.250"), "c1 rewritten");

    // A restarted service answers at once from the rebuilt state, before any new event.
    node.stop();
    node = null;
    assertFalse(net.dig(c1, "+short", "+tries=1", "+time=1", "@" + GW4, "c2").stdout().contains("172.30.0.12"));
    node = start(config);
    assertEquals("172.30.0.12", net.dig(c2, "+short", "@" + GW4, "c2").stdout().strip());
    ExecResultCheck.refused(net.dig(c1, "@" + GW4, "c2"));

    publish(LabEvents.containerRemoved(me, C1));
    awaitTrue(() -> !Files.exists(c1Files.resolve("resolv.conf")), "c1's files removed");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static void awaitTrue(BooleanSupplier condition, String what) {
    Await.until(what, Duration.ofSeconds(20), condition);
  }

  /** dig outcome checks. */
  static final class ExecResultCheck {
    static void refused(io.berth.testing.lab.ExecResult r) {
      assertTrue(r.stdout().contains("status: REFUSED"), "c1 left the network, so it is a stranger now: " + r);
    }
  }
}
