package io.berth.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.berth.host.netlink.IpPrefix;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import io.berth.host.netlink.Veth;
import io.berth.host.nft.Chain;
import io.berth.host.nft.Rule;
import io.berth.host.nft.Ruleset;
import io.berth.host.nft.Table;

/**
 * Figures, not assertions. Run (as root):
 * {@code mvn -pl platform/host-native test -Dtest=NetlinkBench -Dberth.excludedGroups=none}
 * Prints to stdout and {@code target/bench/netlink-bench.txt}. Everything happens in namespaces it makes under a
 * private run dir and removes.
 */
@Tag("bench")
class NetlinkBench {
    static final int N = Integer.getInteger("bench.n", 200);
    static final int WARMUP = 20;
    final StringBuilder report = new StringBuilder();

    void out(String fmt, Object... args) {
        String line = String.format(Locale.ROOT, fmt, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    @Test
    void run() throws Exception {
        Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/status")).lines()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElse("").split("\\s+")[2].equals("0"), "needs root");
        String prefix = "bnch-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        Path runDir = Path.of("/run/berth-bench", prefix, "netns");
        Namespaces ns = new Namespaces(runDir);
        try {
            out("NetlinkBench N=%d, %s, %d cpus, load %s", N, System.getProperty("java.vm.version"),
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
            endpoints(ns, prefix, "warmup-netlink", WARMUP, true);
            endpoints(ns, prefix, "warmup-ip", WARMUP, false);
            endpoints(ns, prefix, "netlink", N, true);
            endpoints(ns, prefix, "ip", N, false);
            endpoints(ns, prefix, "netlink", N, true);
            endpoints(ns, prefix, "ip", N, false);
            nft(ns, prefix);
        } finally {
            for (String n : ns.list()) {
                ns.delete(n);
            }
            ns.releaseRunDir();
            Files.deleteIfExists(runDir);
            Files.deleteIfExists(runDir.getParent());
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/netlink-bench.txt"), report);
        }
    }

    /** One run: a fresh "host" namespace A and {@code n} fresh endpoint namespaces, timed per phase. */
    void endpoints(Namespaces ns, String prefix, String label, int n, boolean netlink) throws Exception {
        String hostName = prefix + "-a";
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        long[] create = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            String name = prefix + "-e" + i;
            ns.create(name);
            create[i] = System.nanoTime() - s;
            names.add(name);
        }
        long[] ep = new long[n];
        long[] hostSide = new long[n];
        long[] enter = new long[n];
        try (NetnsHandle host = ns.createAndOpen(hostName); Netlink hnl = host.openNetlink()) {
            hnl.setUp("lo");
            for (int i = 0; i < n; i++) {
                String ifname = "vb" + i;
                String addr = "10.200." + (i / 250) + "." + (i % 250 + 2);
                Path peer = ns.path(names.get(i));
                long s = System.nanoTime();
                if (netlink) {
                    hnl.add(new Veth(LinkAttrs.named(ifname).withUp(true), "eth0", peer));
                    hnl.addRoute(Route.onLink(addr + "/32", ifname));
                    hostSide[i] = System.nanoTime() - s;
                    try (NetnsHandle e = NetnsHandle.open(names.get(i), peer); Netlink enl = e.openNetlink()) {
                        enter[i] = System.nanoTime() - s - hostSide[i];
                        enl.addAddress("eth0", IpPrefix.parse(addr + "/16"));
                        enl.setUp("lo");
                        enl.setUp("eth0");
                        enl.addRoute(Route.defaultVia("10.200.0.1"));
                    }
                } else {
                    ipBatch(host, List.of("ip", "-batch", "-"), "link add " + ifname + " type veth peer name eth0 netns "
                            + peer + "\nlink set " + ifname + " up\nroute add " + addr + "/32 dev " + ifname + "\n");
                    ipBatch(host, List.of("nsenter", "--net=" + peer, "ip", "-batch", "-"), "addr add " + addr
                            + "/16 dev eth0\nlink set lo up\nlink set eth0 up\nroute add default via 10.200.0.1\n");
                }
                ep[i] = System.nanoTime() - s;
            }
        }
        long[] delete = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            ns.delete(names.get(i));
            delete[i] = System.nanoTime() - s;
        }
        ns.delete(hostName);
        out("%-15s endpoint (veth+peer netns+addr+routes+up): mean %7.0f us  p50 %7.0f  p90 %7.0f  -> %6.0f/s | "
                        + "netns create mean %5.0f us, delete mean %5.0f us | run %5.1f s",
                label, mean(ep), pct(ep, 50), pct(ep, 90), 1e6 / mean(ep), mean(create),
                mean(delete), (System.nanoTime() - t0) / 1e9);
        if (netlink) {
            out("%-15s   of which: veth (peer created in its netns) + host route %5.0f us, open handle thread + "
                    + "netlink socket in the endpoint netns %5.0f us, addr+lo up+eth0 up+default route %5.0f us",
                    "", mean(hostSide), mean(enter), mean(ep) - mean(hostSide) - mean(enter));
        }
    }

    static void ipBatch(NetnsHandle where, List<String> cmd, String stdin) throws Exception {
        Process p = where.start(new ProcessBuilder(cmd).redirectErrorStream(true));
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
    }

    void nft(Namespaces ns, String prefix) throws Exception {
        List<String> backends = List.of("10.88.0.2", "10.88.0.3", "10.88.0.4");
        Chain pre = Chain.natPrerouting("prerouting");
        for (int i = 0; i < 99; i++) {
            pre.rule(Rule.match("ip daddr 10.99." + (i / 200) + "." + (i % 200 + 1) + " tcp dport 80").counter()
                    .dnatNumgen("ip", backends));
        }
        Ruleset rs = Ruleset.of(Table.inet("berth").chain(pre)
                .chain(Chain.natPostrouting("postrouting").rule(Rule.match("ip saddr 10.88.0.0/16").masquerade())));
        String text = rs.render();
        try (NetnsHandle h = ns.createAndOpen(prefix + "-nft")) {
            Nftables nft = h.nftables();
            for (int i = 0; i < 5; i++) {
                nft.run(text);
            }
            long[] reused = new long[30];
            for (int i = 0; i < reused.length; i++) {
                long s = System.nanoTime();
                nft.run(text);
                reused[i] = System.nanoTime() - s;
            }
            long[] fresh = new long[10];
            for (int i = 0; i < fresh.length; i++) {
                long s = System.nanoTime();
                h.run(() -> {
                    try (Nftables once = Nftables.create()) {
                        once.run(text);
                    }
                });
                fresh[i] = System.nanoTime() - s;
            }
            Path file = Files.createTempFile("bench", ".nft");
            Files.writeString(file, text);
            long[] cli = new long[10];
            for (int i = 0; i < cli.length; i++) {
                long s = System.nanoTime();
                ipBatch(h, List.of("nft", "-f", file.toString()), "");
                cli[i] = System.nanoTime() - s;
            }
            Files.delete(file);
            String listed = nft.listTableJson("inet", "berth");
            long rules = listed.split("\"rule\"").length - 1;
            out("nft apply 100-rule ruleset (%d rules read back): reused ctx mean %.2f ms best %.2f ms | new ctx each "
                    + "mean %.2f ms | nft -f CLI mean %.2f ms", rules, mean(reused) / 1e3,
                    Arrays.stream(reused).min().orElse(0) / 1e6, mean(fresh) / 1e3, mean(cli) / 1e3);
        }
        ns.delete(prefix + "-nft");
    }

    /** Mean in microseconds. */
    static double mean(long[] a) {
        return Arrays.stream(a).average().orElse(0) / 1000.0;
    }

    static double pct(long[] a, int p) {
        long[] s = a.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, s.length * p / 100)] / 1000.0;
    }
}
