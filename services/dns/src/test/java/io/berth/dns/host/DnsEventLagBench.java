package io.berth.dns.host;

import io.berth.dns.DnsService;
import io.berth.dns.events.EndpointLag;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.host.NetnsHandle;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.testing.Await;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.cloudevents.CloudEvent;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration lag through the whole path: {@code io.berth.network.endpoint.joined} published to Kafka → consumed by
 * the dns service → applied to the resolver → the name answers over UDP from a sandbox; and where the time goes,
 * per hop ({@link EndpointLag}: consumed, applied, handled). A node in this JVM (embedded Kafka and Hazelcast)
 * listening in a lab namespace. Two phases of 100 names each: <em>spaced</em> (the next endpoint joins once the
 * previous event is fully handled and 20 ms have passed: one container started at a time) and
 * <em>back to back</em> (the next joins as soon as the previous name answers, while its handler may still be
 * storing it: a burst). Figures, not assertions:
 * {@code mvn -B -o -pl services/dns test -Dtest=DnsEventLagBench -Dberth.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class DnsEventLagBench {
  private static final int NAMES = 100;
  /**
   * Endpoints joined and left before measuring, not reported ({@code -Dbench.warmup=N}, 0 for a cold node): a node
   * runs for days, and on a cold JVM each Kafka hop takes several times longer than once the path is compiled.
   */
  private static final int WARMUP = Integer.getInteger("bench.warmup", 2000);

  @RegisterExtension
  LabNetns lab = new LabNetns();
  @TempDir
  Path dir;

  private final Map<String, Map<EndpointLag.Stage, Long>> hops = new ConcurrentHashMap<>();
  private final StringBuilder report = new StringBuilder();

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
        new DnsService.Settings(dir.resolve("resolv.conf"),
            EmbeddedResolver.Options.defaults().withSteering(new CpuSteering())));
    BerthNode node = BerthNode.start(config, "node", List.of(dns), true);
    try (NamePoller poller = new NamePoller(client, DnsLab.GW4)) {
      String me = node.context().node();
      dns.endpointLag().observe((event, stage, nanos) ->
          hops.computeIfAbsent(event.getId(), k -> new EnumMap<>(EndpointLag.Stage.class)).put(stage, nanos));
      node.context().events().publish(LabEvents.networkCreated(me)).await();
      node.context().events().publish(LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true,
          String.format("%064x", 1), "client", 2)).await();
      if (!poller.awaitAnswer("client", 30_000_000_000L)) {
        throw new AssertionError("the service never answered");
      }
      warmUp(node, me);
      line("load average at start: %s, after %d endpoints joined and left to warm the node up", loadAverage(), WARMUP);
      phase("spaced", true, 0, node, dns, poller, me);
      phase("back to back", false, NAMES, node, dns, poller, me);
      line("load average at end: %s", loadAverage());
      Files.createDirectories(Path.of("target/bench"));
      Files.writeString(Path.of("target/bench/dns-event-lag.txt"), report);
    } finally {
      node.stop();
    }
  }

  /** Joins and leaves {@link #WARMUP} endpoints, 100 at a time, waiting for each hundred to be handled. */
  private void warmUp(BerthNode node, String me) throws Exception {
    for (int i = 0; i < WARMUP; i++) {
      String container = String.format("%064x", 1_000_000 + i);
      CloudEvent joined = LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true, container, "warm" + i,
          10 + i % 200);
      node.context().events().publish(joined);
      node.context().events().publish(LabEvents.endpoint("left", me, DnsLab.NET_ID, DnsLab.NET, true, container,
          "warm" + i, 10 + i % 200));
      if (i % 100 == 99 || i == WARMUP - 1) {
        awaitHandled(joined);
      }
    }
    hops.clear();
  }

  private void phase(String label, boolean spaced, int offset, BerthNode node, DnsService dns, NamePoller poller,
                     String me) throws Exception {
    double[] lags = new double[NAMES];
    CloudEvent[] events = new CloudEvent[NAMES];
    for (int i = 0; i < NAMES; i++) {
      int n = offset + i;
      String name = "lag" + n;
      String container = String.format("%064x", 100 + n);
      CloudEvent event = LabEvents.endpoint("joined", me, DnsLab.NET_ID, DnsLab.NET, true, container, name,
          10 + n % 200);
      events[i] = event;
      long t0 = System.nanoTime();
      node.context().events().publish(event);
      if (!poller.awaitAnswer(name, 10_000_000_000L)) {
        String ep = LabEvents.endpointId(container, DnsLab.NET_ID);
        throw new AssertionError(name + " never answered; store: " + dns.controller().records().get(ep)
            + " map: " + node.context().hazelcast().getMap(DnsService.MAP).get("endpoint/" + ep));
      }
      lags[i] = (System.nanoTime() - t0) / 1e6;
      poller.drain();
      if (spaced) {
        awaitHandled(event);
        Thread.sleep(20); // paced on purpose: the spaced run measures one event at a time on an idle node
      }
    }
    awaitHandled(events[NAMES - 1]);
    line("registration lag, %s (endpoint.joined published → name answers over UDP, %d names, embedded Kafka, "
        + "1 partition): %s", label, NAMES, percentiles(lags));
    for (EndpointLag.Stage s : EndpointLag.Stage.values()) {
      double[] xs = Arrays.stream(events).mapToDouble(e -> {
        Long ns = hops.getOrDefault(e.getId(), Map.of()).get(s);
        return ns == null ? Double.NaN : ns / 1e6;
      }).toArray();
      line("  hop: event created → %-8s %s", s.name().toLowerCase(Locale.ROOT), percentiles(xs));
    }
  }

  private void awaitHandled(CloudEvent event) {
    Await.until("event " + event.getId() + " handled", Duration.ofSeconds(10), () -> handled(event));
  }

  private boolean handled(CloudEvent event) {
    return hops.getOrDefault(event.getId(), Map.of()).containsKey(EndpointLag.Stage.HANDLED);
  }

  private static String percentiles(double[] values) {
    double[] xs = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (xs.length == 0) {
      return "n=0";
    }
    return String.format(Locale.ROOT, "p50=%.1fms p99=%.1fms max=%.1fms (n=%d)", xs[xs.length / 2],
        xs[Math.min(xs.length - 1, (int) (xs.length * 0.99))], xs[xs.length - 1], xs.length);
  }

  private static String loadAverage() throws java.io.IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    report.append(s).append('\n');
  }
}
