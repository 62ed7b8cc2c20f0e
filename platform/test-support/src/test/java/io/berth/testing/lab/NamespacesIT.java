package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.Mounts;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.Netlink;

@Tag("host")
class NamespacesIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    static long inode(Path p) throws Exception {
        return (Long) Files.getAttribute(p, "unix:ino");
    }

    @Test
    void createListDeleteLikeIpNetns() throws Exception {
        Namespaces ns = lab.namespaces();
        String name = lab.prefix() + "-x";
        Path file = ns.create(name);
        assertTrue(ns.list().contains(name));
        assertEquals("nsfs", Mounts.find(file).orElseThrow().fsType(), "bind-mounted nsfs like ip netns add");
        String findmnt = lab.exec("findmnt", "-n", "-o", "FSTYPE", file.toString()).orFail();
        assertEquals("nsfs", findmnt.strip());
        // nsenter accepts it, and it is a different namespace than ours
        String links = lab.exec("nsenter", "--net=" + file, "ip", "-o", "link").orFail();
        assertTrue(links.contains("lo:"), links);
        assertNotEquals(inode(Path.of("/proc/self/ns/net")), inode(file));

        HostException dup = assertThrows(HostException.class, () -> ns.create(name));
        assertEquals(Errno.EEXIST, dup.errno());

        ns.delete(name);
        assertFalse(ns.list().contains(name));
        assertFalse(Files.exists(file));
        assertTrue(Mounts.find(file).isEmpty());
        assertEquals(Errno.ENOENT, assertThrows(HostException.class, () -> ns.delete(name)).errno());
        assertEquals(Errno.ENOENT, assertThrows(HostException.class, () -> ns.open(name)).errno());
    }

    @Test
    void adoptKeepsTheNamespaceAndUnpinsTheOldName() throws Exception {
        Namespaces ns = lab.namespaces();
        String spare = lab.prefix() + "-spare";
        String name = lab.prefix() + "-adopted";
        Path spareFile = ns.create(spare);
        long before = inode(spareFile);
        try (NetnsHandle h = ns.open(spare); Netlink nl = h.openNetlink()) {
            nl.setUp("lo");
        }
        Path file = ns.adopt(spareFile, name);
        try {
            assertEquals(before, inode(file), "the same namespace, pinned under the new name");
            assertFalse(Files.exists(spareFile));
            assertTrue(Mounts.find(spareFile).isEmpty());
            String lo = lab.exec("nsenter", "--net=" + file, "ip", "-o", "link", "show", "lo").orFail();
            assertTrue(lo.contains("UP"), "set-up done before adoption is kept: " + lo);
            // bad input changes nothing: a taken name leaves the old pin where it was; a missing pin pins nothing
            Path other = ns.create(spare);
            assertEquals(Errno.EEXIST, assertThrows(HostException.class, () -> ns.adopt(other, name)).errno());
            assertTrue(Mounts.find(other).isPresent());
            ns.delete(spare);
            assertEquals(Errno.ENOENT, assertThrows(HostException.class, () -> ns.adopt(other, name + "2")).errno());
            assertFalse(Files.exists(ns.path(name + "2")));
        } finally {
            ns.delete(name);
        }
    }

    @Test
    void handleRunsInsideAndAlwaysReturns() throws Exception {
        NetnsHandle h = lab.netns();
        long target = inode(h.path());
        long callerBefore = inode(Path.of("/proc/thread-self/ns/net"));
        assertEquals(target, (long) h.call(() -> inode(Path.of("/proc/thread-self/ns/net"))));
        // the handle's thread is back in its own namespace between tasks: check from a task that fails
        assertThrows(IllegalStateException.class, () -> h.call(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(target, (long) h.call(() -> inode(Path.of("/proc/thread-self/ns/net"))));
        assertEquals(callerBefore, inode(Path.of("/proc/thread-self/ns/net")), "caller never moved");
        // executor view and async submit
        long viaExecutor = CompletableFuture.supplyAsync(() -> {
            try {
                return inode(Path.of("/proc/thread-self/ns/net"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, h.executor()).get(10, TimeUnit.SECONDS);
        assertEquals(target, viaExecutor);
        assertEquals(target, (long) h.submit(() -> inode(Path.of("/proc/thread-self/ns/net"))).get(10, TimeUnit.SECONDS));
    }

    @Test
    void currentHandleIsTheCallersNamespace() throws Exception {
        try (NetnsHandle cur = Namespaces.current()) {
            assertTrue(cur.isCurrent());
            long mine = inode(Path.of("/proc/thread-self/ns/net"));
            assertEquals(mine, (long) cur.call(() -> inode(Path.of("/proc/thread-self/ns/net"))));
            assertEquals(mine, inode(cur.path()));
        }
    }

    @Test
    void socketsOpenedInsideStayInside() throws Exception {
        NetnsHandle h = lab.netns();
        try (Netlink nl = h.openNetlink()) {
            nl.add(Bridge.of("nsbr0"));
        }
        // a netlink socket made inside, used from this thread, sees the namespace's links
        assertTrue(lab.netlink().find("nsbr0").isPresent());
        try (Netlink root = Netlink.open()) {
            assertTrue(root.find("nsbr0").isEmpty(), "the runner's namespace does not see the lab's bridge");
        }
        // TCP server bound inside on loopback; a client inside connects; accept from this thread
        try (ServerSocketChannel server = h.openServerSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            SocketChannel client = h.call(() -> SocketChannel.open(new InetSocketAddress("127.0.0.1", port)));
            try (client; SocketChannel accepted = server.accept()) {
                client.write(ByteBuffer.wrap(new byte[] {42}));
                ByteBuffer b = ByteBuffer.allocate(1);
                accepted.read(b);
                assertEquals(42, b.get(0));
            }
        }
        // UDP the same way: bound inside, datagram sent from inside, received on this thread
        try (java.nio.channels.DatagramChannel udp = h.openDatagramChannel(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress to = (InetSocketAddress) udp.getLocalAddress();
            h.run(() -> {
                try (java.nio.channels.DatagramChannel c = java.nio.channels.DatagramChannel.open()) {
                    c.send(ByteBuffer.wrap(new byte[] {7}), to);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ByteBuffer b = ByteBuffer.allocate(1);
            udp.receive(b);
            assertEquals(7, b.get(0));
        }
    }

    @Test
    void childProcessesStartInside() throws Exception {
        lab.netlink().add(Bridge.of("procbr0"));
        Process p = lab.netns().start(new ProcessBuilder("ip", "-o", "link", "show", "procbr0"));
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readAllBytes());
            assertEquals(0, p.waitFor());
            assertTrue(out.contains("procbr0"), out);
        }
        assertFalse(lab.exec("readlink", "/proc/self/ns/net").orFail().strip()
                .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString()));
    }

    @Test
    void sysctlsAreThePerNamespaceOnes() throws Exception {
        String rootForward = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
        var s = lab.sysctls();
        s.ipForward(true);
        assertEquals("1", s.get("net.ipv4.ip_forward"));
        assertEquals("1", lab.exec("cat", "/proc/sys/net/ipv4/ip_forward").orFail().strip());
        s.routeLocalnet("all", true);
        assertEquals("1", lab.exec("sysctl", "-n", "net.ipv4.conf.all.route_localnet").orFail().strip());
        s.disableIpv6("lo", true);
        assertEquals("1", s.get("net.ipv6.conf.lo.disable_ipv6"));
        assertEquals(rootForward, Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip(),
                "the runner's namespace is untouched");
        assertThrows(HostException.class, () -> s.get("net.ipv4.no_such_key"));
    }
}
