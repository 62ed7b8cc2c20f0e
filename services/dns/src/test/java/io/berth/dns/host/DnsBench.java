package io.berth.dns.host;

import static io.berth.dns.host.DnsLab.NET_ID;

import io.berth.dns.domain.Addresses;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.server.DatagramSteering;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.RequesterPolicy;
import io.berth.host.NetnsHandle;
import io.berth.testing.lab.ExecResult;
import io.berth.testing.lab.LabNetns;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * berth's resolver against aardvark-dns and dnsmasq serving the same 100 names (ctrNNN + aliasNNN), side by side in
 * one lab, with the method of anchor-figures §2: dnsperf in the sandbox of the first container, {@code -c 10 -l 10}
 * unlimited, then {@code -Q 10000 -v} for latency percentiles; plus registration lag (endpoint added → name
 * answers, polled from the sandbox). Figures, not assertions. Run (as root, dnsperf, aardvark-dns and dnsmasq
 * installed):
 * {@code mvn -B -o -pl services/dns test -Dtest=DnsBench -Dberth.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 * Prints to stdout and {@code target/bench/dns-bench.txt}.
 */
@Tag("bench")
class DnsBench {
  private static final int NAMES = 100;
  private static final String AARDVARK = "/usr/lib/podman/aardvark-dns";
  private static final String BERTH_IP = DnsLab.GW4;
  private static final String AARDVARK_IP = "172.30.0.253";
  /** A second berth resolver with one event loop, measured when {@code dnsbench.servers} names berth-1loop. */
  private static final String BERTH_ONE_LOOP_IP = "172.30.0.252";
  private static final String DNSMASQ_IP = "172.30.0.254";
  /** A berth resolver whose loops get datagrams by the kernel's hash, not by CPU, measured as berth-hash. */
  private static final String BERTH_HASH_IP = "172.30.0.251";
  /** Which figures to take ({@code -Ddnsbench.parts=qps,latency,lag}; all by default). */
  private static final String PARTS = System.getProperty("dnsbench.parts", "qps,latency,lag");
  /** A p99 moves by up to 2× between runs on a shared machine; eight interleaved rounds give a stable median. */
  private static final int LATENCY_ROUNDS = Integer.getInteger("dnsbench.latencyRounds", 8);
  /** Which servers to measure ({@code -Ddnsbench.servers=berth,dnsmasq}; all three by default). */
  private static final List<String> SERVERS = List.of(
      System.getProperty("dnsbench.servers", "berth,aardvark-dns,dnsmasq").split(","));
  /**
   * With {@code -Ddnsbench.pin=true}, dnsperf runs on CPU 0 and every server's serving threads on CPU 1 (berth's
   * event loops, dnsmasq, every aardvark-dns thread): the same single core for each server.
   */
  private static final boolean PIN = Boolean.getBoolean("dnsbench.pin");
  /**
   * Netty's buffer leak detector ({@code -Ddnsbench.leakDetection=simple} to keep Netty's default). By default the
   * benchmark runs as a production node should: the default level records a stack trace (a Throwable) for one
   * buffer in 128, about one query in 40 here, on the event loop.
   */
  private static final ResourceLeakDetector.Level LEAK_DETECTION = ResourceLeakDetector.Level.valueOf(
      System.getProperty("dnsbench.leakDetection", "disabled").toUpperCase(Locale.ROOT));
  /** berth's event loops ({@code -Ddnsbench.threads=N}; the service's default otherwise). */
  private static final int THREADS = Integer.getInteger("dnsbench.threads",
      EmbeddedResolver.Options.defaults().threads());

  @RegisterExtension
  LabNetns lab = new LabNetns();

  private final StringBuilder report = new StringBuilder();

  @Test
  void berthVersusAardvarkAndDnsmasq() throws Exception {
    DnsLab.requireTool("dnsperf", "dnsperf");
    DnsLab.requireTool("aardvark-dns", "aardvark-dns");
    DnsLab.requireTool("dnsmasq", "dnsmasq-base");
    ResourceLeakDetector.setLevel(LEAK_DETECTION);
    DnsLab net = new DnsLab(lab);
    lab.netlink().addAddress("br0", AARDVARK_IP + "/24");
    lab.netlink().addAddress("br0", DNSMASQ_IP + "/24");
    lab.netlink().addAddress("br0", BERTH_ONE_LOOP_IP + "/24");
    lab.netlink().addAddress("br0", BERTH_HASH_IP + "/24");
    NetnsHandle client = net.sandbox("d001", 2);
    Path dir = lab.tempDir("bench");
    RecordStore store = new RecordStore();
    StringBuilder queries = new StringBuilder();
    StringBuilder hosts = new StringBuilder();
    StringBuilder aardvark = new StringBuilder(AARDVARK_IP + "\n");
    for (int i = 1; i <= NAMES; i++) {
      String n = String.format("%03d", i);
      String ip = "172.30.0." + (i + 1);
      String id = String.format("%064x", i);
      store.upsert(new EndpointRecord("e" + n, NET_ID, DnsLab.NET, id, "ctr" + n, "", List.of("alias" + n),
          ip + "/24", null, "node1", true));
      queries.append("ctr").append(n).append(" A\n");
      hosts.append(ip).append(" ctr").append(n).append(" alias").append(n).append('\n');
      aardvark.append(id).append(' ').append(ip).append("  ctr").append(n).append(",alias").append(n).append('\n');
    }
    Path queryFile = Files.writeString(dir.resolve("queries.txt"), queries);
    Path hostsFile = Files.writeString(dir.resolve("hosts"), hosts);
    Path aardvarkDir = Files.createDirectories(dir.resolve("aardvark"));
    Files.writeString(aardvarkDir.resolve("localnet"), aardvark);

    RequesterPolicy noUpstreams = new RequesterPolicy() {
      @Override
      public List<InetSocketAddress> upstreams(String containerId) {
        return List.of();
      }

      @Override
      public boolean setsNdots(String containerId) {
        return false;
      }
    };
    Process dnsmasq = lab.start(lab.netns(), "dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
        "--addn-hosts=" + hostsFile, "--listen-address=" + DNSMASQ_IP, "--bind-interfaces", "--port=53",
        "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-facility=" + dir.resolve("dnsmasq.log"));
    // aardvark-dns forks into the background once it listens; its pid file says where it went.
    lab.exec(lab.netns(), "env", "AARDVARK_NO_PROXY=1", AARDVARK, "--config", aardvarkDir.toString(), "-p", "53",
        "run").orFail();
    long aardvarkPid = Long.parseLong(Files.readString(aardvarkDir.resolve("aardvark.pid")).strip());
    try (EmbeddedResolver berth = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot,
        noUpstreams, options(), new SimpleMeterRegistry());
         EmbeddedResolver oneLoop = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot,
             noUpstreams, options().withThreads(1), new SimpleMeterRegistry());
         EmbeddedResolver hashed = new EmbeddedResolver(new NetnsListenNamespace(lab.netns()), store::snapshot,
             noUpstreams, options().withSteering(DatagramSteering.HASH), new SimpleMeterRegistry())) {
      berth.listen(NET_ID, Addresses.parse(BERTH_IP)).get(5, TimeUnit.SECONDS);
      oneLoop.listen(NET_ID, Addresses.parse(BERTH_ONE_LOOP_IP)).get(5, TimeUnit.SECONDS);
      hashed.listen(NET_ID, Addresses.parse(BERTH_HASH_IP)).get(5, TimeUnit.SECONDS);
      for (String ip : List.of(BERTH_IP, AARDVARK_IP, DNSMASQ_IP)) {
        String a = net.dig(client, "+short", "@" + ip, "ctr050").stdout().strip();
        line("check @%s ctr050 -> %s", ip, a);
      }
      long berthPid = ProcessHandle.current().pid();
      long[] allPids = {berthPid, aardvarkPid, dnsmasq.pid(), berthPid, berthPid};
      String[] allNames = {"berth", "aardvark-dns", "dnsmasq", "berth-1loop", "berth-hash"};
      String[] allIps = {BERTH_IP, AARDVARK_IP, DNSMASQ_IP, BERTH_ONE_LOOP_IP, BERTH_HASH_IP};
      int[] chosen = IntStream.range(0, allNames.length).filter(i -> SERVERS.contains(allNames[i])).toArray();
      long[] pids = Arrays.stream(chosen).mapToLong(i -> allPids[i]).toArray();
      String[] names = Arrays.stream(chosen).mapToObj(i -> allNames[i]).toArray(String[]::new);
      String[] ips = Arrays.stream(chosen).mapToObj(i -> allIps[i]).toArray(String[]::new);
      if (PIN) {
        pinServingThreads(berthPid, aardvarkPid, dnsmasq.pid());
      }
      line("pinned %s, parts %s, servers %s, berth event loops %d, netty leak detection %s, %d CPUs, JVM %s %s, "
          + "load average at start: %s", PIN, PARTS, SERVERS, THREADS, ResourceLeakDetector.getLevel(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-XX"))
              .toList(), loadAverage());
      for (int s = 0; s < names.length; s++) {
        // warm-up, not reported: a long-running JVM server is JIT-compiled; the others get the same 5 s
        lab.exec(client, dnsperfCommand(ips[s], queryFile, "-c", "10", "-l", "5"));
      }
      if (PARTS.contains("qps")) {
        saturated(client, queryFile, names, ips, pids);
      }
      if (PARTS.contains("latency")) {
        line("dnsperf -s <server> -d queries.txt -c 10 -l 10 -Q 10000 -v: per-query latency, servers interleaved, "
            + "%d rounds", LATENCY_ROUNDS);
        double[][] p99 = new double[names.length][LATENCY_ROUNDS];
        for (int round = 1; round <= LATENCY_ROUNDS; round++) {
          for (int s = 0; s < names.length; s++) {
            p99[s][round - 1] = dnsperf(client, names[s] + " @10k r" + round, ips[s], pids[s], queryFile, "-c", "10",
                "-l", "10", "-Q", "10000", "-v");
          }
        }
        for (int s = 0; s < names.length; s++) {
          double[] q = p99[s].clone();
          Arrays.sort(q);
          line("%-16s @10k p99 median=%.0fus (min %.0f, max %.0f)", names[s], median(q), q[0], q[q.length - 1]);
        }
        int b = List.of(names).indexOf("berth");
        int d = List.of(names).indexOf("dnsmasq");
        if (b >= 0 && d >= 0) {
          // Each round runs the servers back to back, so a load spike from outside hits a round, not one server.
          double[] ratios = new double[LATENCY_ROUNDS];
          for (int r = 0; r < LATENCY_ROUNDS; r++) {
            ratios[r] = p99[b][r] / p99[d][r];
          }
          line("berth/dnsmasq p99 per round: %s, median %.2f", Arrays.toString(Arrays.stream(ratios)
              .map(x -> Math.round(x * 100) / 100.0).toArray()), median(ratios));
        }
      }
      if (PARTS.contains("lag")) {
        registrationLag(store, client);
      }
    } finally {
      ProcessHandle.of(aardvarkPid).ifPresent(ProcessHandle::destroy);
      dnsmasq.destroy();
      Path out = Path.of("target/bench");
      Files.createDirectories(out);
      Files.writeString(out.resolve("dns-bench.txt"), report);
    }
  }

  private void saturated(NetnsHandle client, Path queryFile, String[] names, String[] ips, long[] pids)
      throws IOException {
    line("dnsperf -s <server> -d queries.txt -c 10 -l 10, from the sandbox of ctr001 (172.30.0.2), "
        + "servers interleaved, 3 rounds");
    double[][] qps = new double[names.length][3];
    for (int round = 1; round <= 3; round++) {
      for (int s = 0; s < names.length; s++) {
        qps[s][round - 1] = dnsperf(client, names[s] + " r" + round, ips[s], pids[s], queryFile, "-c", "10", "-l",
            "10");
      }
    }
    for (int s = 0; s < names.length; s++) {
      double[] q = qps[s].clone();
      Arrays.sort(q);
      line("%-16s median qps=%.0f (min %.0f, max %.0f)", names[s], q[1], q[0], q[2]);
    }
    List<String> order = List.of(names);
    int b = order.indexOf("berth");
    int a = order.indexOf("aardvark-dns");
    int d = order.indexOf("dnsmasq");
    if (b >= 0 && a >= 0 && d >= 0) {
      line("berth/aardvark median qps ratio: %.2f; berth/dnsmasq: %.2f", median(qps[b]) / median(qps[a]),
          median(qps[b]) / median(qps[d]));
    }
  }

  private static String[] dnsperfCommand(String server, Path queries, String... args) {
    List<String> cmd = new ArrayList<>();
    if (PIN) {
      cmd.addAll(List.of("taskset", "-c", "0"));
    }
    cmd.addAll(List.of("dnsperf", "-s", server, "-d", queries.toString()));
    cmd.addAll(List.of(args));
    return cmd.toArray(String[]::new);
  }

  private void pinServingThreads(long berthPid, long aardvarkPid, long dnsmasqPid) throws IOException {
    List<String> loops = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc/" + berthPid + "/task"))) {
      for (Path task : tasks.toList()) {
        if (Files.readString(task.resolve("comm")).startsWith("berth-dns")) {
          loops.add(task.getFileName().toString());
        }
      }
    }
    for (String tid : loops) {
      lab.exec(lab.netns(), "taskset", "-p", "-c", "1", tid).orFail();
    }
    lab.exec(lab.netns(), "taskset", "-a", "-p", "-c", "1", Long.toString(aardvarkPid)).orFail();
    lab.exec(lab.netns(), "taskset", "-a", "-p", "-c", "1", Long.toString(dnsmasqPid)).orFail();
    line("pinned: dnsperf on CPU 0; on CPU 1: berth event loops %s, aardvark-dns, dnsmasq", loops);
  }

  private static EmbeddedResolver.Options options() {
    EmbeddedResolver.Options d = EmbeddedResolver.Options.defaults();
    return d.withThreads(THREADS).withSteering(new CpuSteering());
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    int mid = c.length / 2;
    return c.length % 2 == 1 ? c[mid] : (c[mid - 1] + c[mid]) / 2;
  }

  private double dnsperf(NetnsHandle client, String label, String server, long pid, Path queries, String... args)
      throws IOException {
    String[] cmd = dnsperfCommand(server, queries, args);
    long cpu0 = cpuTicks(pid);
    Map<String, Long> threads0 = threadTicks(pid);
    long t0 = System.nanoTime();
    ExecResult r = lab.exec(client, cmd);
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpuTicks(pid) - cpu0) / 100.0 / secs * 100;
    String busiest = busiestThreads(threads0, threadTicks(pid), secs);
    String qps = field(r.stdout(), "Queries per second:");
    String avg = field(r.stdout(), "Average Latency (s):");
    String lost = field(r.stdout(), "Queries lost:");
    String codes = field(r.stdout(), "Response codes:");
    String lat = "";
    double p99 = Double.NaN;
    if (Arrays.asList(args).contains("-v")) {
      double[] xs = r.stdout().lines().filter(l -> l.startsWith("> ")).mapToDouble(l -> {
        String[] f = l.trim().split("\\s+");
        try {
          return Double.parseDouble(f[f.length - 1]) * 1e6;
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }).filter(d -> !Double.isNaN(d)).sorted().toArray();
      if (xs.length > 0) {
        p99 = pct(xs, 99);
        lat = String.format(Locale.ROOT, " p50=%.0fus p90=%.0fus p99=%.0fus p99.9=%.0fus (n=%d)", pct(xs, 50),
            pct(xs, 90), pct(xs, 99), pct(xs, 99.9), xs.length);
      }
    }
    line("%-16s qps=%s avg=%s lost=%s codes=%s server-cpu=%.0f%%%s load=%s%s", label, qps, avg, lost, codes, cpu,
        lat, loadAverage(), busiest);
    if (!Double.isNaN(p99)) {
      return p99;
    }
    try {
      return Double.parseDouble(qps);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Endpoint added to the store → the name answers from the sandbox (UDP polls every 100 µs). */
  private void registrationLag(RecordStore store, NetnsHandle client) throws Exception {
    int n = 200;
    double[] lags = new double[n];
    try (NamePoller poller = new NamePoller(client, BERTH_IP)) {
      for (int i = 0; i < n; i++) {
        String name = "lag" + i;
        long t0 = System.nanoTime();
        store.upsert(new EndpointRecord(name, NET_ID, DnsLab.NET, String.format("%064x", 1000 + i), name, "",
            List.of(), "172.30.0." + (150 + i % 90) + "/24", null, "node1", true));
        if (!poller.awaitAnswer(name, 5_000_000_000L)) {
          throw new AssertionError(name + " never answered");
        }
        lags[i] = (System.nanoTime() - t0) / 1e3;
        store.remove(name);
        Thread.sleep(2); // paced on purpose: late answers about this name arrive now and are drained, not measured
        poller.drain();
      }
    }
    Arrays.sort(lags);
    line("registration lag (record store → answer over UDP, %d names, %d endpoints indexed): p50=%.0fus "
        + "p99=%.0fus max=%.0fus", n, store.snapshot().size() + 1, pct(lags, 50), pct(lags, 99), lags[n - 1]);
  }

  private static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (p / 100 * sorted.length))];
  }

  /** CPU ticks per thread name (threads of one name summed), for processes with several threads. */
  private static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> out = new HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
          out.merge(name + " user", Long.parseLong(f[11]), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static String busiestThreads(Map<String, Long> before, Map<String, Long> after, double secs) {
    if (after.size() < 2) {
      return "";
    }
    String top = after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0 && !e.getKey().endsWith(" user"))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
        .map(e -> String.format(Locale.ROOT, "%s %.0f%% (user %.0f%%)", e.getKey(), e.getValue() / 100.0 / secs * 100,
            (after.getOrDefault(e.getKey() + " user", 0L) - before.getOrDefault(e.getKey() + " user", 0L)) / 100.0
                / secs * 100))
        .collect(Collectors.joining(", "));
    return " threads: " + top;
  }

  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String field(String out, String key) {
    return out.lines().filter(l -> l.contains(key)).findFirst()
        .map(l -> l.substring(l.indexOf(key) + key.length()).strip()).orElse("?");
  }

  private void line(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    report.append(s).append('\n');
  }
}
