package io.berth.network;

import io.berth.events.BerthEvents;
import io.berth.events.Topics;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.NetworkSpec;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attach (container created event → {@code sandbox.ready}) and detach (removed event → {@code sandbox.removed}),
 * N sequential operations, with and without a published port, side by side with netavark 1.4 and the CNI bridge
 * plugin run in the same lab namespace (methods of anchor-figures.md §1). Prints figures; asserts nothing about
 * timing. Run: {@code mvn -B -o -pl services/network test -Dberth.excludedGroups= -Dgroups=bench
 * -Dtest=NetworkBench}; figures in {@code services/network/target/network-bench.txt}. {@code -Dbench.warmup=N}
 * (default 3000 attach/detach cycles, not reported) warms the JIT first; {@code -Dbench.warmup=0} measures a cold
 * node.
 */
@Tag("bench")
@Tag("host")
class NetworkBench {
  static final int N = Integer.getInteger("bench.n", 200);
  static final int WARM_UP = Integer.getInteger("bench.warmup", 3000);
  @RegisterExtension LabNetns lab = new LabNetns();
  @TempDir Path dir;

  @Test
  void attachDetachSideBySide() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-34s %10s %8s %8s %8s   %10s %8s %8s %8s", "variant (N=" + N + ")", "attach/s", "p50 ms",
        "p99 ms", "", "detach/s", "p50 ms", "p99 ms", ""));
    DaemonConfig cfg = DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString()).put("exec-root", dir.resolve("run").toString())
        .put("node-name", "bench").put("log-level", "warn")
        .put("hosts", new JsonArray().add("tcp://127.0.0.1:" + Ports.free()))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "bench-" + UUID.randomUUID())));
    NetworkService service = new NetworkService(io.berth.network.host.NodeNamespace.of(lab.netns()));
    BerthNode node = BerthNode.start(cfg, "bench", List.of(service), true);
    if (Boolean.getBoolean("bench.phases")) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.berth.network.phases"))
          .setLevel(ch.qos.logback.classic.Level.TRACE);
    }
    try {
      service.networks().create(new NetworkSpec("benchnet", "bridge", false, false, false, false, true, false, null,
          List.of(new IpamConfig("10.88.0.0/16", null, null, Map.of())), Map.of(), Map.of(), Map.of()))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      Map<String, CompletableFuture<Long>> ready = new ConcurrentHashMap<>();
      Map<String, CompletableFuture<Long>> removed = new ConcurrentHashMap<>();
      node.context().events().subscribe(Topics.NETWORK_EVENTS, "bench-" + UUID.randomUUID(), (CloudEvent e) -> {
        String key = String.valueOf(e.getExtension("partitionkey"));
        long now = System.nanoTime();
        if (e.getType().equals("io.berth.network.sandbox.ready")) {
          ready.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(now);
        } else if (e.getType().equals("io.berth.network.sandbox.removed")) {
          removed.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(now);
        }
        return Future.succeededFuture();
      }).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      // Warm-up, not reported: a node runs for days, so measure it with its JIT warm (the Kafka client and broker
      // paths compile after some thousand calls; cold, each event hop takes ~5 ms instead of ~1 ms). netavark and
      // the CNI plugin are native binaries and need none.
      for (int w = 0; w < WARM_UP / 100; w++) {
        run(node, ready, removed, 10_000 + w * 100, w % 2 == 1, 100, false);
      }
      lines.add(row("berth, no port", run(node, ready, removed, 1000, false, N, false)));
      lines.add(row("berth, 1 published port", run(node, ready, removed, 2000, true, N, false)));
      lines.add(row("berth burst, no port", run(node, ready, removed, 3000, false, N, true)));
      lines.add(row("berth burst, 1 published port", run(node, ready, removed, 4000, true, N, true)));
    } finally {
      node.stop();
      service.releaseSandboxDir();
    }
    Path scripts = Path.of("src/test/resources/bench").toAbsolutePath();
    List<String[]> anchors = Boolean.parseBoolean(System.getProperty("bench.anchors", "true"))
        ? List.of(new String[] {"netavark", "sequential"}, new String[] {"cni", "sequential"},
            new String[] {"netavark", "burst"}) : List.of();
    for (String[] anchor : anchors) {
      String tool = anchor[0];
      boolean burst = anchor[1].equals("burst");
      for (int ports : new int[] {0, 1}) {
        String run = tool + ports + (burst ? "b" : "");
        Path out = dir.resolve(run);
        Process p = new ProcessBuilder("nsenter", "--net=" + lab.netns().path(), "--", "bash",
            scripts.resolve(tool + ".sh").toString(), String.valueOf(N), String.valueOf(ports), lab.prefix(),
            out.toString(), anchor[1]).redirectErrorStream(true).redirectOutput(dir.resolve(run + ".log").toFile())
            .start();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
          p.destroy();
          lines.add(tool + " failed: " + Files.readString(dir.resolve(run + ".log")));
          continue;
        }
        String summary = Files.readString(out.resolve("summary"));
        double[] setup = read(out.resolve("setup_ms"));
        double[] teardown = read(out.resolve("teardown_ms"));
        lines.add(row((tool.equals("cni") ? "CNI bridge 1.1 + host-local, ipMasq" : "netavark 1.4 bridge")
            + (burst ? " burst" : "") + (ports == 1 ? ", 1 port" : ""), new double[][] {setup, teardown,
            {N / seconds(summary, "setup_total_s"), N / seconds(summary, "teardown_total_s")}}));
      }
    }
    String report = String.join("\n", lines);
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/network-bench.txt"), report + "\n");
  }

  /**
   * N attaches, then N detaches; returns {attach ms[], detach ms[], {attach/s, detach/s}}. Sequential: each event is
   * published after the previous one's result arrived (the anchors' method). Burst: all N events are published at
   * once, as an orchestrator starting N containers would; ops/s is N over the time until the last result.
   */
  private static double[][] run(BerthNode node, Map<String, CompletableFuture<Long>> ready,
                                Map<String, CompletableFuture<Long>> removed, int base, boolean port, int n,
                                boolean burst) throws Exception {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format("%064x", 0xbe0000L + base + i);
    }
    long t0 = System.nanoTime();
    double[] attach = phase(ids, ready, burst, i -> BerthEvents.create("io.berth.container.created", "urn:bench", ids[i],
        new ContainerCreated(ids[i], "bench" + (base + i), "bench", "busybox", null, null,
            "2026-11-27T00:00:00Z", null, null, "benchnet", List.of(new NetworkAttachment("benchnet", null, null, null,
            null, null)), port ? List.of(new PortBinding(80, null, "", String.valueOf(20000 + base + i))) : List.of(),
            false, null, null, null, null, null, false, null, null, false, null, null)), node);
    long t1 = System.nanoTime();
    double[] detach = phase(ids, removed, burst, i -> BerthEvents.create("io.berth.container.removed", "urn:bench",
        ids[i], new ContainerRemoved(ids[i], "bench", false)), node);
    long t2 = System.nanoTime();
    return new double[][] {attach, detach, {n / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9)}};
  }

  private static double[] phase(String[] ids, Map<String, CompletableFuture<Long>> results, boolean burst,
                                java.util.function.IntFunction<CloudEvent> event, BerthNode node) throws Exception {
    int n = ids.length;
    double[] ms = new double[n];
    long[] start = new long[n];
    for (int i = 0; i < n; i++) {
      CompletableFuture<Long> done = results.computeIfAbsent(ids[i], k -> new CompletableFuture<>());
      start[i] = System.nanoTime();
      node.context().events().publish(event.apply(i));
      if (!burst) {
        ms[i] = (done.get(60, TimeUnit.SECONDS) - start[i]) / 1e6;
      }
    }
    if (burst) {
      for (int i = 0; i < n; i++) {
        ms[i] = (results.get(ids[i]).get(120, TimeUnit.SECONDS) - start[i]) / 1e6;
      }
    }
    return ms;
  }

  private static String row(String name, double[][] r) {
    return String.format("%-34s %10.1f %8.2f %8.2f %8s   %10.1f %8.2f %8.2f", name, r[2][0], pct(r[0], 50),
        pct(r[0], 99), "", r[2][1], pct(r[1], 50), pct(r[1], 99));
  }

  private static double pct(double[] xs, int p) {
    double[] s = xs.clone();
    Arrays.sort(s);
    double k = (s.length - 1) * p / 100.0;
    int f = (int) k;
    int c = Math.min(f + 1, s.length - 1);
    return s[f] + (s[c] - s[f]) * (k - f);
  }

  private static double[] read(Path file) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).mapToDouble(Double::parseDouble).toArray();
  }

  private static double seconds(String summary, String key) {
    for (String l : summary.split("\n")) {
      if (l.startsWith(key)) {
        return Double.parseDouble(l.substring(key.length()).trim());
      }
    }
    return Double.NaN;
  }
}
