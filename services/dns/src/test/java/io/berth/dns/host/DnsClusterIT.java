package io.berth.dns.host;

import static io.berth.dns.host.DnsLab.GW4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.dns.DnsService;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.host.NetnsHandle;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one cluster (shared Kafka and Hazelcast, each node's resolver in its own lab namespace) and a
 * swarm-scope network present on both, as an overlay would be: a container on node B resolves a container that
 * joined on node A, answered by node B's resolver from the cluster map.
 */
@Tag("host")
class DnsClusterIT {
  static final String X1 = "c1".repeat(32);
  static final String Y1 = "c2".repeat(32);

  @RegisterExtension
  LabNetns lab = new LabNetns();
  @TempDir
  Path dir;

  BerthNode a;
  BerthNode b;

  @AfterEach
  void stop() {
    if (b != null) {
      b.stop();
    }
    if (a != null) {
      a.stop();
    }
  }

  @Test
  void aNodeAnswersForEndpointsOfOtherNodes() throws Exception {
    DnsLab netA = new DnsLab(lab);
    DnsLab netB = new DnsLab(lab, lab.newNetns("nodeb"));
    NetnsHandle x1 = netA.sandbox("x1", 11);
    NetnsHandle y1 = netB.sandbox("y1", 21);
    Files.writeString(dir.resolve("resolv.conf"), "");
    int kafkaPort = Ports.free();
    int hzA = Ports.free();
    String cluster = "dnsc-" + UUID.randomUUID();
    a = start(netA.nodeNamespace(), new JsonObject().put("node-name", "nodea")
        .put("data-root", dir.resolve("a/data").toString()).put("exec-root", dir.resolve("a/run").toString())
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + kafkaPort).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", hzA).put("name", cluster)));
    b = start(netB.nodeNamespace(), new JsonObject().put("node-name", "nodeb")
        .put("data-root", dir.resolve("b/data").toString()).put("exec-root", dir.resolve("b/run").toString())
        .put("kafka", new JsonObject().put("bootstrap-servers", "127.0.0.1:" + kafkaPort).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", cluster)
            .put("members", new JsonArray().add("127.0.0.1:" + hzA))));
    a.context().events().publish(LabEvents.networkCreated("nodea", "overlay", "swarm")).await();
    a.context().events().publish(LabEvents.endpoint("joined", "nodea", DnsLab.NET_ID, DnsLab.NET, true, X1, "x1", 11))
        .await();
    a.context().events().publish(LabEvents.endpoint("joined", "nodeb", DnsLab.NET_ID, DnsLab.NET, true, Y1, "y1", 21))
        .await();
    DnsNodeIT.awaitTrue(() -> "172.30.0.11".equals(netB.dig(y1, "+short", "@" + GW4, "x1").stdout().strip()),
        "node B's resolver answers x1, which joined on node A");
    assertEquals("172.30.0.21", netA.dig(x1, "+short", "@" + GW4, "y1").stdout().strip(),
        "and node A's answers y1, which joined on node B");
  }

  private BerthNode start(NetnsHandle ns, JsonObject config) throws Exception {
    DnsService dns = new DnsService(new NetnsListenNamespace(ns),
        new DnsService.Settings(dir.resolve("resolv.conf"), EmbeddedResolver.Options.defaults()));
    return BerthNode.start(DaemonConfig.of(config), "node", List.of(dns), true);
  }
}
