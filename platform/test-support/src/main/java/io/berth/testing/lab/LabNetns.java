package io.berth.testing.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.LoopDevices;
import io.berth.host.Mounts;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.Nftables;
import io.berth.host.Sysctls;
import io.berth.host.netlink.GenericLink;
import io.berth.host.netlink.Ipvlan;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.LinkSpec;
import io.berth.host.netlink.Macvlan;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Veth;
import io.berth.host.netlink.Vlan;
import io.berth.host.netlink.Vxlan;
import io.berth.host.netlink.Bridge;

/**
 * JUnit 5 extension: a fresh network namespace named {@code blab-<random>} in a private run directory
 * ({@code /run/berth-lab/<prefix>/netns}, never {@code /run/netns}), for each test or for a whole class:
 *
 * <pre>{@code
 * @RegisterExtension LabNetns lab = new LabNetns();                 // per test
 * @RegisterExtension static LabNetns lab = LabNetns.perClass();     // per class
 * }</pre>
 *
 * Everything made through it — more namespaces ({@link #newNetns}), processes ({@link #start}), mounts and loop
 * devices it is told about ({@link #trackMount}, {@link #trackLoop}), temp dirs — is removed afterwards even when the
 * test fails, then {@link LeakCheck} asserts nothing with the prefix remains. Not root, or no network namespaces:
 * the test is aborted (reported as skipped) with the reason, never silently passed.
 */
public final class LabNetns implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(LabNetns.class);
    /** Where lab run dirs live; one sub-directory per lab. */
    public static final Path LAB_ROOT = Path.of("/run/berth-lab");

    private final boolean perClass;
    private String prefix;
    private Path root;
    private Namespaces namespaces;
    private NetnsHandle netns;
    private Netlink netlink;
    private final List<NetnsHandle> handles = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Deque<Path> mounts = new ArrayDeque<>();
    private final Deque<Path> loops = new ArrayDeque<>();

    public LabNetns() {
        this(false);
    }

    private LabNetns(boolean perClass) {
        this.perClass = perClass;
    }

    public static LabNetns perClass() {
        return new LabNetns(true);
    }

    // ---- JUnit ----

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            setUp();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            tearDown();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            setUp();
        } else if (netns == null) {
            Assumptions.abort("lab namespace unavailable (see the class's first skip reason)");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            tearDown();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == LabNetns.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return this;
    }

    // ---- what tests use ----

    /** The lab's name prefix, e.g. {@code blab-3f9a1c}; every namespace it makes starts with it. */
    public String prefix() {
        return prefix;
    }

    /** The lab's own namespace. */
    public NetnsHandle netns() {
        return netns;
    }

    /** A netlink socket in the lab's namespace. */
    public Netlink netlink() {
        return netlink;
    }

    /** The nftables context of the lab's namespace. */
    public Nftables nft() {
        return netns.nftables();
    }

    public Sysctls sysctls() {
        return netns.sysctls();
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    /** The private run dir root ({@code /run/berth-lab/<prefix>}). */
    public Path root() {
        return root;
    }

    /** Another namespace, {@code <prefix>-<suffix>}, with {@code lo} up; removed with the lab. */
    public NetnsHandle newNetns(String suffix) {
        NetnsHandle h = namespaces.createAndOpen(prefix + "-" + suffix);
        handles.add(h);
        try (Netlink nl = h.openNetlink()) {
            nl.setUp("lo");
        }
        return h;
    }

    /** A netlink socket in another lab namespace, closed with the lab. */
    public Netlink netlink(NetnsHandle ns) {
        Netlink nl = ns.openNetlink();
        closeables.add(nl);
        return nl;
    }

    /** A fresh directory under the lab root (on /run's tmpfs); removed with the lab. */
    public Path tempDir(String name) {
        try {
            return Files.createDirectories(root.resolve("tmp").resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unmount this (lazily) when the lab ends, innermost first. */
    public Path trackMount(Path mountPoint) {
        mounts.push(mountPoint);
        return mountPoint;
    }

    /** Detach this loop device when the lab ends. */
    public Path trackLoop(Path device) {
        loops.push(device);
        return device;
    }

    /** Runs a command in the lab namespace and waits (30 s at most). */
    public ExecResult exec(String... command) {
        return exec(netns, command);
    }

    public ExecResult exec(NetnsHandle ns, String... command) {
        return Exec.run(ns, 30, Arrays.asList(command));
    }

    /** Starts a long-running process in a namespace; killed when the lab ends. */
    public Process start(NetnsHandle ns, String... command) {
        Process p = ns.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        processes.add(p);
        return p;
    }

    /**
     * Aborts the test unless this kernel can make links of {@code kind} (bridge, veth, vxlan, macvlan, ipvlan, vlan,
     * or any option-less kind such as dummy).
     * Tried in a scratch namespace.
     */
    public void requireLinkKind(String kind) {
        NetnsHandle scratch = newNetns("probe-" + kind);
        try (Netlink nl = scratch.openNetlink()) {
            nl.add(Veth.of("probe0", "probe1"));
            LinkSpec spec = switch (kind) {
                case "bridge" -> Bridge.of("probe2");
                case "veth" -> Veth.of("probe2", "probe3");
                case "vxlan" -> Vxlan.of("probe2", 1);
                case "macvlan" -> Macvlan.of("probe2", "probe0", Macvlan.Mode.BRIDGE);
                case "ipvlan" -> Ipvlan.of("probe2", "probe0", Ipvlan.Mode.L2);
                case "vlan" -> new Vlan(LinkAttrs.named("probe2"), "probe0", 2);
                default -> GenericLink.of("probe2", kind);
            };
            nl.add(spec);
        } catch (HostException e) {
            if (e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.EINVAL) {
                Assumptions.abort("kernel feature missing: link type '" + kind + "' (" + e.getMessage()
                        + "); the kernel was built without it or its module is not loaded");
            }
            throw e;
        } finally {
            closeNetns(scratch);
        }
    }

    /** A multi-host topology inside this lab. */
    public Lab.Builder lab() {
        return new Lab.Builder(this);
    }

    void closeNetns(NetnsHandle h) {
        handles.remove(h);
        h.close();
        namespaces.delete(h.name());
    }

    // ---- lifecycle ----

    private void setUp() {
        requireRoot("real network namespaces, mounts, nftables");
        if (!Files.exists(Path.of("/proc/thread-self/ns/net"))) {
            Assumptions.abort("kernel feature missing: network namespaces (/proc/thread-self/ns/net)");
        }
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        prefix = "blab-" + HexFormat.of().formatHex(r);
        root = LAB_ROOT.resolve(prefix);
        namespaces = new Namespaces(root.resolve("netns"));
        try {
            netns = namespaces.createAndOpen(prefix);
        } catch (HostException e) {
            cleanupQuietly();
            if (e.errno() == Errno.EPERM || e.errno() == Errno.EINVAL || e.errno() == 38 /* ENOSYS */) {
                Assumptions.abort("cannot create a network namespace here: " + e.getMessage());
            }
            throw e;
        }
        netlink = netns.openNetlink();
        netlink.setUp("lo");
        LOG.debug("lab {} ready at {}", prefix, root);
    }

    private void tearDown() {
        if (prefix == null) {
            return;
        }
        List<Throwable> errors = cleanupQuietly();
        String p = prefix;
        Path r = root;
        prefix = null;
        AssertionError failure = null;
        try {
            LeakCheck.assertClean(p, r);
        } catch (AssertionError e) {
            failure = e;
        }
        if (!errors.isEmpty()) {
            AssertionError e = failure != null ? failure : new AssertionError("lab " + p + " clean-up failed");
            errors.forEach(e::addSuppressed);
            throw e;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Removes everything, collecting errors rather than stopping at the first. */
    private List<Throwable> cleanupQuietly() {
        List<Throwable> errors = new ArrayList<>();
        for (Process proc : processes) {
            proc.descendants().forEach(ProcessHandle::destroyForcibly);
            proc.destroyForcibly();
            try {
                proc.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        for (AutoCloseable c : closeables) {
            attempt(errors, c::close);
        }
        closeables.clear();
        if (netlink != null) {
            attempt(errors, netlink::close);
            netlink = null;
        }
        while (!mounts.isEmpty()) {
            Path m = mounts.pop();
            if (Mounts.isMountPoint(m)) {
                attempt(errors, () -> Mounts.umount(m, true, false));
            }
        }
        while (!loops.isEmpty()) {
            Path d = loops.pop();
            if (LoopDevices.backingFile(d) != null) {
                attempt(errors, () -> LoopDevices.detach(d));
            }
        }
        for (NetnsHandle h : handles) {
            attempt(errors, h::close);
        }
        handles.clear();
        if (netns != null) {
            attempt(errors, netns::close);
            netns = null;
        }
        if (namespaces != null) {
            for (String name : namespaces.list()) {
                attempt(errors, () -> namespaces.delete(name));
            }
            attempt(errors, namespaces::releaseRunDir);
        }
        if (root != null && Files.exists(root)) {
            attempt(errors, () -> deleteTree(root));
        }
        return errors;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void attempt(List<Throwable> errors, Step step) {
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            errors.add(e);
        }
    }

    /**
     * The one root check of the tests: aborts the test (reported as skipped, with {@code why}) unless the effective
     * uid is 0. For host tests that do not use a lab namespace (mounts, a node in a namespace of its own).
     */
    public static void requireRoot(String why) {
        if (!isRoot()) {
            Assumptions.abort("needs root (" + why + "); run as root");
        }
    }

    /** Whether this process runs with effective uid 0 (from {@code /proc/self/status}, not the user's name). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
