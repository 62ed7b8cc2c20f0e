package io.berth.host.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.berth.host.Errno;
import io.berth.host.NetlinkException;
import io.berth.host.NetnsHandle;
import io.berth.host.internal.Native;

/**
 * rtnetlink over an AF_NETLINK socket: links, addresses, routes, neighbours and bridge FDB entries. The socket is
 * bound to the network namespace where it was opened ({@link NetnsHandle#openNetlink()}); after that it can be used
 * from any thread (calls are serialized). Every call blocks on the kernel (tens of microseconds to a millisecond):
 * callers on an event loop hand it to a worker or to the namespace's {@link NetnsHandle#executor()}.
 *
 * <p>Errors are {@link NetlinkException}s with the errno and the kernel's extended-ack text. A failed request changes
 * nothing: each call is one kernel request.
 */
public final class Netlink implements AutoCloseable {
    private final NlSocket socket;

    private Netlink(NlSocket socket) {
        this.socket = socket;
    }

    /** Opens a socket in the calling thread's network namespace. */
    public static Netlink open() {
        return new Netlink(new NlSocket());
    }

    // ---- links ----

    /**
     * Creates a link of any kind in one request (attributes, master, up included).
     * Equivalent to: {@code ip link add NAME [mtu M] [address MAC] [master BR] type KIND ...} (+ {@code up}).
     */
    public synchronized Link add(LinkSpec spec) {
        int master = spec.attrs().master() == null ? 0 : index(spec.attrs().master());
        int parent = 0;
        if (spec instanceof Macvlan m) {
            parent = index(m.parent());
        } else if (spec instanceof Ipvlan i) {
            parent = index(i.parent());
        } else if (spec instanceof Vlan v) {
            parent = index(v.parent());
        } else if (spec instanceof Vxlan x && x.dev() != null) {
            parent = index(x.dev());
        }
        int peerFd = -1;
        if (spec instanceof Veth v && v.peerNetns() != null) {
            peerFd = openNs(v.peerNetns(), LinkMessages.describe(spec));
        }
        try {
            socket.request(LinkMessages.create(spec, master, parent, peerFd));
        } finally {
            if (peerFd >= 0) {
                Native.libc().close(peerFd);
            }
        }
        return get(spec.name());
    }

    /** Equivalent to: {@code ip link delete NAME}. ENODEV if there is none. */
    public synchronized void delete(String name) {
        socket.request(LinkMessages.delete(name));
    }

    /** Equivalent to: {@code ip -d link show NAME}. ENODEV if there is none. */
    public synchronized Link get(String name) {
        List<ByteBuffer> r = socket.request(LinkMessages.getByName(name));
        if (r.isEmpty()) {
            throw new NetlinkException("ip link show " + name, Errno.ENODEV, null);
        }
        return LinkMessages.decode(r.get(0));
    }

    /** Equivalent to: {@code ip -d link show index N}. */
    public synchronized Link get(int index) {
        List<ByteBuffer> r = socket.request(LinkMessages.getByIndex(index));
        if (r.isEmpty()) {
            throw new NetlinkException("ip link show index " + index, Errno.ENODEV, null);
        }
        return LinkMessages.decode(r.get(0));
    }

    /** The link, or empty if there is none. */
    public synchronized Optional<Link> find(String name) {
        try {
            return Optional.of(get(name));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Equivalent to: {@code ip -d link show}. */
    public synchronized List<Link> list() {
        List<Link> links = new ArrayList<>();
        for (ByteBuffer m : socket.dump(LinkMessages.dump())) {
            links.add(LinkMessages.decode(m));
        }
        return links;
    }

    /** Equivalent to: {@code ip link set NAME up}. */
    public synchronized void setUp(String name) {
        socket.request(LinkMessages.set(index(name), Nl.IFF_UP, Nl.IFF_UP, "ip link set " + name + " up"));
    }

    /** Equivalent to: {@code ip link set NAME down}. */
    public synchronized void setDown(String name) {
        socket.request(LinkMessages.set(index(name), 0, Nl.IFF_UP, "ip link set " + name + " down"));
    }

    /** Equivalent to: {@code ip link set NAME promisc on|off}. */
    public synchronized void setPromisc(String name, boolean on) {
        socket.request(LinkMessages.set(index(name), on ? Nl.IFF_PROMISC : 0, Nl.IFF_PROMISC,
                "ip link set " + name + " promisc " + (on ? "on" : "off")));
    }

    /** Equivalent to: {@code ip link set NAME mtu MTU}. EINVAL (with the kernel's range) if out of range. */
    public synchronized void setMtu(String name, int mtu) {
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " mtu " + mtu)
                .attrU32(Nl.IFLA_MTU, mtu));
    }

    /** Equivalent to: {@code ip link set NAME address MAC}. */
    public synchronized void setMac(String name, String mac) {
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " address " + mac)
                .attr(Nl.IFLA_ADDRESS, Mac.parse(mac)));
    }

    /** Equivalent to: {@code ip link set NAME master BRIDGE}. */
    public synchronized void setMaster(String name, String master) {
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " master " + master)
                .attrU32(Nl.IFLA_MASTER, index(master)));
    }

    /** Equivalent to: {@code ip link set NAME nomaster}. */
    public synchronized void setNoMaster(String name) {
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " nomaster")
                .attrU32(Nl.IFLA_MASTER, 0));
    }

    /** Equivalent to: {@code ip link set NAME name NEWNAME}. */
    public synchronized void rename(String name, String newName) {
        LinkAttrs.named(newName);
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " name " + newName)
                .attrString(Nl.IFLA_IFNAME, newName));
    }

    /** Moves a link into another namespace. Equivalent to: {@code ip link set NAME netns PATH}. */
    public synchronized void setNetns(String name, NetnsHandle target) {
        socket.request(LinkMessages.set(index(name), 0, 0, "ip link set " + name + " netns " + target.path())
                .attrU32(Nl.IFLA_NET_NS_FD, target.fd()));
    }

    /** Moves a link into the namespace pinned at {@code nsFile}. Equivalent to: {@code ip link set NAME netns PATH}. */
    public synchronized void setNetns(String name, Path nsFile) {
        String op = "ip link set " + name + " netns " + nsFile;
        int fd = openNs(nsFile, op);
        try {
            socket.request(LinkMessages.set(index(name), 0, 0, op).attrU32(Nl.IFLA_NET_NS_FD, fd));
        } finally {
            Native.libc().close(fd);
        }
    }

    /**
     * Turns hairpin mode of a bridge port on or off: the bridge may then send a frame back out of the port it came
     * in on, which a container needs to reach itself through a DNAT'ed address of the host.
     * Equivalent to: {@code bridge link set dev NAME hairpin on|off}. EOPNOTSUPP/EINVAL if NAME is no bridge port.
     */
    public synchronized void setHairpin(String name, boolean on) {
        socket.request(BridgePortMessages.setHairpin(index(name), name, on));
    }

    /** Whether hairpin mode is on for this bridge port. Equivalent to: {@code bridge -d link show dev NAME}. */
    public synchronized boolean hairpin(String name) {
        int idx = index(name);
        for (ByteBuffer m : socket.dump(BridgePortMessages.dump())) {
            if (BridgePortMessages.index(m) == idx) {
                Boolean on = BridgePortMessages.hairpin(m);
                if (on != null) {
                    return on;
                }
            }
        }
        throw new NetlinkException("bridge link show dev " + name + " (not a bridge port)", Errno.EINVAL, null);
    }

    /** The link's index. ENODEV if there is none. */
    public synchronized int index(String name) {
        return get(name).index();
    }

    // ---- addresses ----

    /** Equivalent to: {@code ip addr add ADDR/LEN dev DEV}. EEXIST if already there. */
    public synchronized void addAddress(String dev, String prefix) {
        addAddress(dev, IpPrefix.parse(prefix));
    }

    public synchronized void addAddress(String dev, IpPrefix prefix) {
        socket.request(AddressMessages.add(index(dev), dev, prefix));
    }

    /** Equivalent to: {@code ip addr del ADDR/LEN dev DEV}. */
    public synchronized void deleteAddress(String dev, String prefix) {
        IpPrefix p = IpPrefix.parse(prefix);
        socket.request(AddressMessages.delete(index(dev), dev, p));
    }

    /** Equivalent to: {@code ip addr show dev DEV} (both families). */
    public synchronized List<Address> addresses(String dev) {
        int idx = index(dev);
        List<Address> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(AddressMessages.dump(Nl.AF_UNSPEC))) {
            Address a = AddressMessages.decode(m);
            if (a != null && a.linkIndex() == idx) {
                out.add(a);
            }
        }
        return out;
    }

    // ---- routes ----

    /** Equivalent to: {@code ip route add ...}. EEXIST if present; ENETUNREACH if the gateway is unreachable. */
    public synchronized void addRoute(Route route) {
        socket.request(RouteMessages.add(route, route.dev() == null ? 0 : index(route.dev()), false));
    }

    /** Equivalent to: {@code ip route replace ...}. */
    public synchronized void replaceRoute(Route route) {
        socket.request(RouteMessages.add(route, route.dev() == null ? 0 : index(route.dev()), true));
    }

    /** Equivalent to: {@code ip route del ...}. ESRCH if there is no such route. */
    public synchronized void deleteRoute(Route route) {
        socket.request(RouteMessages.delete(route, route.dev() == null ? 0 : index(route.dev())));
    }

    /** Unicast routes of a table, both families. Equivalent to: {@code ip route show table T; ip -6 route show table T}. */
    public synchronized List<Route> routes(int table) {
        Map<Integer, String> names = linkNames();
        List<Route> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(RouteMessages.dump(Nl.AF_UNSPEC))) {
            if (RouteMessages.type(m) != Nl.RTN_UNICAST) {
                continue;
            }
            Route r = RouteMessages.decode(m, names::get);
            if (r.table() == table) {
                out.add(r);
            }
        }
        return out;
    }

    /** Equivalent to: {@code ip route show} (main table). */
    public synchronized List<Route> routes() {
        return routes(Route.MAIN);
    }

    // ---- neighbours and FDB ----

    /** Equivalent to: {@code ip neigh add IP lladdr MAC dev DEV nud permanent}. */
    public synchronized void addNeighbour(String dev, String ip, String mac) {
        socket.request(NeighbourMessages.addNeighbour(index(dev), dev, IpPrefix.literal(ip), mac, false));
    }

    /** Equivalent to: {@code ip neigh replace IP lladdr MAC dev DEV nud permanent}. */
    public synchronized void replaceNeighbour(String dev, String ip, String mac) {
        socket.request(NeighbourMessages.addNeighbour(index(dev), dev, IpPrefix.literal(ip), mac, true));
    }

    /** Equivalent to: {@code ip neigh del IP dev DEV}. */
    public synchronized void deleteNeighbour(String dev, String ip) {
        socket.request(NeighbourMessages.deleteNeighbour(index(dev), dev, IpPrefix.literal(ip)));
    }

    /** Equivalent to: {@code ip neigh show dev DEV}. */
    public synchronized List<Neighbour> neighbours(String dev) {
        int idx = index(dev);
        List<Neighbour> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(NeighbourMessages.dumpNeighbours(Nl.AF_UNSPEC))) {
            if (NeighbourMessages.index(m) == idx) {
                Neighbour n = NeighbourMessages.decodeNeighbour(m);
                if (n.ip() != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Equivalent to: {@code bridge fdb add MAC dev DEV [dst IP] self|master permanent|static}. */
    public synchronized void addFdb(FdbEntry entry) {
        socket.request(NeighbourMessages.addFdb(index(entry.dev()), entry, false));
    }

    /** Equivalent to: {@code bridge fdb append MAC dev DEV dst IP} (several VTEPs for one MAC). */
    public synchronized void appendFdb(FdbEntry entry) {
        socket.request(NeighbourMessages.addFdb(index(entry.dev()), entry, true));
    }

    /** Equivalent to: {@code bridge fdb del MAC dev DEV [dst IP] self|master}. */
    public synchronized void deleteFdb(FdbEntry entry) {
        socket.request(NeighbourMessages.deleteFdb(index(entry.dev()), entry));
    }

    /** Equivalent to: {@code bridge fdb show dev DEV}. */
    public synchronized List<FdbEntry> fdb(String dev) {
        int idx = index(dev);
        List<FdbEntry> out = new ArrayList<>();
        for (ByteBuffer m : socket.dump(NeighbourMessages.dumpNeighbours(Nl.AF_BRIDGE))) {
            if (NeighbourMessages.index(m) == idx) {
                FdbEntry e = NeighbourMessages.decodeFdb(m, dev);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private Map<Integer, String> linkNames() {
        Map<Integer, String> names = new HashMap<>();
        for (ByteBuffer m : socket.dump(LinkMessages.dump())) {
            Link l = LinkMessages.decode(m);
            names.put(l.index(), l.name());
        }
        return names;
    }

    private static int openNs(Path nsFile, String op) {
        int fd = Native.libc().open(nsFile.toString(), Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new NetlinkException(op + " (open " + nsFile + ")", Native.errno(), null);
        }
        return fd;
    }

    @Override
    public synchronized void close() {
        socket.close();
    }

    /** Only used by tests and benchmarks: the address of an {@link InetAddress} literal. */
    static InetAddress ip(String literal) {
        return IpPrefix.literal(literal);
    }
}
