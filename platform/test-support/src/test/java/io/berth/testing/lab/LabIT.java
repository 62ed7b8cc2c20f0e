package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.Mounts;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;

/** The lab fixtures themselves: topology, clean-up on failure, leak detection. */
@Tag("host")
class LabIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    @Test
    void hostsReachEachOtherOverTheUnderlayAndNothingElse() {
        Lab topo = lab.lab().hosts(3).build();
        assertEquals(3, topo.hosts().size());
        for (LabHost a : topo.hosts()) {
            assertTrue(a.netns().name().startsWith(lab.prefix()));
            for (LabHost b : topo.hosts()) {
                if (a != b) {
                    ExecResult r = a.exec("busybox", "ping", "-c", "1", "-W", "2", b.address().getHostAddress());
                    assertTrue(r.ok(), a.name() + " -> " + b.name() + ": " + r);
                }
            }
            String routes = a.exec("ip", "route", "show").orFail();
            assertFalse(routes.contains("default"), routes);
            // a route lookup only (no traffic): the outside world is unreachable
            assertFalse(a.exec("ip", "route", "get", "198.51.100.1").ok());
        }
        assertTrue(topo.host(0).address().getHostAddress().equals("192.0.2.11"));
        String ports = lab.exec("ip", "-o", "link", "show", "master", Lab.UNDERLAY_BRIDGE).orFail();
        assertTrue(ports.contains("h1@") && ports.contains("h3@"), ports);
    }

    @Test
    void everythingIsRemovedEvenWhenTheTestFails() throws Exception {
        LabNetns inner = new LabNetns();
        inner.beforeEach(null);
        String prefix = inner.prefix();
        Path root = inner.root();
        Process sleeper;
        try {
            inner.netlink().add(Bridge.of("leftover0"));
            NetnsHandle extra = inner.newNetns("extra");
            sleeper = inner.start(extra, "sleep", "600");
            Path dir = inner.trackMount(inner.tempDir("mnt"));
            Mounts.tmpfs(dir, Map.of("size", "1m"));
            inner.lab().hosts(2).build();
            assertThrows(IllegalStateException.class, () -> {
                throw new IllegalStateException("the test body fails here");
            });
        } finally {
            inner.afterEach(null); // runs LeakCheck itself
        }
        assertFalse(sleeper.isAlive());
        assertEquals(List.of(), LeakCheck.find(prefix, root));
        assertFalse(Files.exists(root));
        assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().toString().contains(prefix)));
    }

    @Test
    void leakCheckReportsWhatRemains() throws Exception {
        String name = lab.prefix() + "-leak";
        lab.namespaces().create(name);
        Path dir = lab.tempDir("leakmnt");
        Mounts.tmpfs(dir, Map.of("size", "64k"));
        try {
            List<String> leaks = LeakCheck.find(lab.prefix(), lab.root());
            assertTrue(leaks.stream().anyMatch(l -> l.startsWith("netns file") && l.contains(name)), leaks.toString());
            assertTrue(leaks.stream().anyMatch(l -> l.startsWith("mount") && l.contains("leakmnt")), leaks.toString());
            AssertionError e = assertThrows(AssertionError.class, () -> LeakCheck.assertClean(lab.prefix(), lab.root()));
            assertTrue(e.getMessage().contains("left behind"));
        } finally {
            Mounts.umount(dir);
            lab.namespaces().delete(name);
        }
        assertTrue(LeakCheck.find(lab.prefix(), lab.root()).stream()
                .noneMatch(l -> l.contains(name) || l.contains("leakmnt")));
    }

    @Test
    void missingKernelFeatureAbortsWithTheReason() {
        var e = assertThrows(org.opentest4j.TestAbortedException.class, () -> lab.requireLinkKind("nosuchkind"));
        assertTrue(e.getMessage().contains("nosuchkind"), e.getMessage());
    }
}
