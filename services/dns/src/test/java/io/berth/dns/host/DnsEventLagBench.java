package io.berth.dns.host;

import io.berth.dns.DnsService;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.host.NetnsHandle;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration lag through the whole path: {@code io.berth.network.endpoint.joined} published to Kafka → consumed by
 * the dns service → written to {@code berth.dns.state} and the cluster map → the name answers over UDP from a
 * sandbox. A node in this JVM (embedded Kafka and Hazelcast) listening in a lab namespace. Figures, not assertions:
 * {@code mvn -B -o -pl services/dns test -Dtest=DnsEventLagBench -Dberth.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class DnsEventLagBench {
  @RegisterExtension
  LabNetns lab = new LabNetns();
  @TempDir
  Path dir;

  @Test
  void endpointJoinedToAnswer() throws Exception {
    DnsLab net = new DnsLab(lab);
    NetnsHandle client = net.sandbox("client", 2);
    Files.writeString(dir.resolve("resolv.conf"), "");
    DaemonConfig config = DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString()).put("exec-root", dir.resolve("run").toString())
        .put("node-name", "lagnode")
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "lag-" + UUID.randomUUID())));
    DnsService dns = new DnsService(new NetnsListenNamespace(lab.netns()),
        new DnsService.Settings(dir.resolve("resolv.conf"), EmbeddedResolver.Options.defaults()));
    BerthNode node = BerthNode.start(config, "node", List.of(dns), true);
    try (NamePoller poller = new NamePoller(client, DnsLab.GW4)) {
      String me = node.context().node();
      node.context().events().publish(LabEvents.networkCreated(me)).await();
      node.context().events().publish(LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true,
          String.format("%064x", 1), "client", 2)).await();
      if (!poller.awaitAnswer("client", 30_000_000_000L)) {
        throw new AssertionError("the service never answered");
      }
      int n = 100;
      double[] lags = new double[n];
      for (int i = 0; i < n; i++) {
        String name = "lag" + i;
        long t0 = System.nanoTime();
        node.context().events().publish(LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true,
            String.format("%064x", 100 + i), name, 10 + i));
        if (!poller.awaitAnswer(name, 10_000_000_000L)) {
          String ep = LabEvents.endpointId(String.format("%064x", 100 + i), DnsLab.NET_ID);
          throw new AssertionError(name + " never answered; store: " + dns.controller().records().get(ep)
              + " map: " + node.context().hazelcast().getMap(DnsService.MAP).get("endpoint/" + ep));
        }
        lags[i] = (System.nanoTime() - t0) / 1e6;
        poller.drain();
      }
      Arrays.sort(lags);
      String line = String.format(Locale.ROOT, "registration lag (endpoint.joined published → name answers, %d "
          + "names, embedded Kafka, 1 partition): p50=%.1fms p99=%.1fms max=%.1fms", n, lags[n / 2],
          lags[Math.min(n - 1, (int) (n * 0.99))], lags[n - 1]);
      System.out.println(line);
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/dns-event-lag.txt"), line + "\n");
    } finally {
      node.stop();
    }
  }
}
