package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.Errno;
import io.berth.host.NetlinkException;
import io.berth.host.netlink.Address;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.FdbEntry;
import io.berth.host.netlink.IpPrefix;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Neighbour;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import io.berth.host.netlink.Veth;
import io.berth.host.netlink.Vxlan;

/** Addresses, routes, neighbours and FDB entries, read back through netlink and {@code ip}/{@code bridge}. */
@Tag("host")
class NetlinkAddressesRoutesIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();
    Netlink nl;

    @BeforeEach
    void link() {
        nl = lab.netlink();
        nl.add(Veth.of("e0", "e0p").with(LinkAttrs.named("e0").withUp(true)));
        nl.setUp("e0p");
    }

    String ip(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ip";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return lab.exec(cmd).orFail();
    }

    @Test
    void addressesV4AndV6() {
        nl.addAddress("e0", "10.77.0.1/24");
        nl.addAddress("e0", "fd00:77::1/64");
        List<Address> addrs = nl.addresses("e0");
        assertTrue(addrs.stream().anyMatch(a -> a.prefix().equals(IpPrefix.parse("10.77.0.1/24"))), addrs.toString());
        assertTrue(addrs.stream().anyMatch(a -> a.prefix().equals(IpPrefix.parse("fd00:77::1/64"))), addrs.toString());
        String shown = ip("-o", "addr", "show", "dev", "e0");
        assertTrue(shown.contains("inet 10.77.0.1/24") && shown.contains("inet6 fd00:77::1/64"), shown);

        NetlinkException dup = assertThrows(NetlinkException.class, () -> nl.addAddress("e0", "10.77.0.1/24"));
        assertEquals(Errno.EEXIST, dup.errno());

        nl.deleteAddress("e0", "10.77.0.1/24");
        nl.deleteAddress("e0", "fd00:77::1/64");
        assertFalse(ip("-o", "addr", "show", "dev", "e0").contains("10.77.0.1"));
        assertTrue(nl.addresses("e0").stream().noneMatch(a -> a.prefix().isIpv4()));
        NetlinkException gone = assertThrows(NetlinkException.class, () -> nl.deleteAddress("e0", "10.77.0.1/24"));
        assertEquals(Errno.EADDRNOTAVAIL, gone.errno());
    }

    @Test
    void routesAddReplaceDeleteInTablesAndOnLink() {
        nl.addAddress("e0", "10.77.0.1/24");
        nl.addRoute(Route.via("10.99.0.0/16", "10.77.0.2"));
        nl.addRoute(Route.onLink("10.98.0.0/16", "e0"));
        nl.addRoute(Route.defaultVia("10.77.0.254").withTable(100));
        nl.addRoute(Route.via("10.97.0.0/16", "192.0.2.1").withDev("e0").withOnLink(true));
        nl.addRoute(Route.via("10.96.0.0/16", "10.77.0.2").withMetric(50));

        List<Route> main = nl.routes();
        Route r = main.stream().filter(x -> x.dst() != null && x.dst().toString().equals("10.99.0.0/16")).findFirst()
                .orElseThrow();
        assertEquals("10.77.0.2", r.gateway().getHostAddress());
        assertEquals("e0", r.dev());
        assertTrue(main.stream().anyMatch(x -> x.onLink() && x.gateway() != null
                && x.gateway().getHostAddress().equals("192.0.2.1")));
        String shown = ip("route", "show");
        assertTrue(shown.contains("10.99.0.0/16 via 10.77.0.2 dev e0 proto static"), shown);
        assertTrue(shown.contains("10.98.0.0/16 dev e0 proto static scope link"), shown);
        assertTrue(shown.contains("10.97.0.0/16 via 192.0.2.1 dev e0 proto static onlink"), shown);
        assertTrue(shown.contains("10.96.0.0/16 via 10.77.0.2 dev e0 proto static metric 50"), shown);
        assertTrue(nl.routes(100).stream().anyMatch(Route::isDefault));
        assertTrue(ip("route", "show", "table", "100").contains("default via 10.77.0.254 dev e0"));

        NetlinkException dup = assertThrows(NetlinkException.class, () -> nl.addRoute(Route.via("10.99.0.0/16", "10.77.0.2")));
        assertEquals(Errno.EEXIST, dup.errno());
        nl.replaceRoute(Route.via("10.99.0.0/16", "10.77.0.3"));
        assertTrue(ip("route", "show", "10.99.0.0/16").contains("via 10.77.0.3"));

        nl.deleteRoute(Route.via("10.99.0.0/16", "10.77.0.3"));
        nl.deleteRoute(Route.defaultVia("10.77.0.254").withTable(100));
        assertFalse(ip("route", "show").contains("10.99.0.0/16"));
        assertEquals("", ip("route", "show", "table", "100").strip());
        NetlinkException gone = assertThrows(NetlinkException.class, () -> nl.deleteRoute(Route.via("10.99.0.0/16", "10.77.0.3")));
        assertEquals(Errno.ESRCH, gone.errno());

        NetlinkException unreachable = assertThrows(NetlinkException.class,
                () -> nl.addRoute(Route.via("10.95.0.0/16", "10.55.0.1")));
        assertEquals(Errno.ENETUNREACH, unreachable.errno());
        assertTrue(unreachable.kernelMessage().contains("gateway"), unreachable.getMessage());
    }

    @Test
    void addressInTheWrongFamilyIsRejectedByTheKernel() {
        nl.addAddress("e0", "10.77.0.1/24");
        // an IPv4 destination with an IPv6 gateway: the kernel refuses and says why
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.addRoute(Route.via("10.94.0.0/16", "fd00::1")));
        assertTrue(e.errno() == Errno.EINVAL || e.errno() == Errno.ENETUNREACH, e.getMessage());
        assertTrue(e.kernelMessage() != null && !e.kernelMessage().isBlank(), e.getMessage());
        assertFalse(ip("route", "show").contains("10.94.0.0"));
    }

    @Test
    void permanentNeighbours() {
        nl.addAddress("e0", "10.77.0.1/24");
        nl.addNeighbour("e0", "10.77.0.50", "02:00:00:00:00:50");
        nl.addNeighbour("e0", "fd00:77::50", "02:00:00:00:00:51");
        List<Neighbour> ns = nl.neighbours("e0");
        assertTrue(ns.stream().anyMatch(n -> n.ip().getHostAddress().equals("10.77.0.50") && n.isPermanent()
                && n.mac().equals("02:00:00:00:00:50")), ns.toString());
        String shown = ip("neigh", "show", "dev", "e0");
        assertTrue(shown.contains("10.77.0.50 lladdr 02:00:00:00:00:50 PERMANENT"), shown);
        assertTrue(shown.contains("fd00:77::50 lladdr 02:00:00:00:00:51 PERMANENT"), shown);
        assertEquals(Errno.EEXIST, assertThrows(NetlinkException.class,
                () -> nl.addNeighbour("e0", "10.77.0.50", "02:00:00:00:00:52")).errno());
        nl.replaceNeighbour("e0", "10.77.0.50", "02:00:00:00:00:52");
        assertTrue(ip("neigh", "show", "dev", "e0").contains("10.77.0.50 lladdr 02:00:00:00:00:52 PERMANENT"));
        nl.deleteNeighbour("e0", "10.77.0.50");
        nl.deleteNeighbour("e0", "fd00:77::50");
        assertFalse(ip("neigh", "show", "dev", "e0").contains("PERMANENT"));
    }

    @Test
    void fdbEntriesForVxlanAndBridgePorts() {
        nl.addAddress("e0", "10.250.0.1/24");
        nl.add(Vxlan.of("vx7", 7).withLocal(IpPrefix.literal("10.250.0.1")).withDev("e0"));
        nl.appendFdb(FdbEntry.floodTo("vx7", IpPrefix.literal("10.250.0.2")));
        nl.appendFdb(FdbEntry.floodTo("vx7", IpPrefix.literal("10.250.0.3")));
        nl.addFdb(FdbEntry.remote("vx7", "02:00:00:00:07:02", IpPrefix.literal("10.250.0.2")));
        List<FdbEntry> fdb = nl.fdb("vx7");
        assertEquals(2, fdb.stream().filter(f -> f.mac().equals(FdbEntry.ALL_ZEROS)).count(), fdb.toString());
        String shown = lab.exec("bridge", "fdb", "show", "dev", "vx7").orFail();
        assertTrue(shown.contains("00:00:00:00:00:00 dst 10.250.0.2 self permanent"), shown);
        assertTrue(shown.contains("00:00:00:00:00:00 dst 10.250.0.3 self permanent"), shown);
        assertTrue(shown.contains("02:00:00:00:07:02 dst 10.250.0.2 self permanent"), shown);

        nl.add(Bridge.of("brf"));
        nl.setMaster("e0p", "brf");
        nl.addFdb(FdbEntry.onBridgePort("e0p", "02:00:00:00:08:01"));
        String port = lab.exec("bridge", "fdb", "show", "dev", "e0p").orFail();
        assertTrue(port.contains("02:00:00:00:08:01 master brf static"), port);
        assertTrue(nl.fdb("e0p").stream().anyMatch(f -> f.master() && f.mac().equals("02:00:00:00:08:01")));

        nl.deleteFdb(FdbEntry.floodTo("vx7", IpPrefix.literal("10.250.0.3")));
        nl.deleteFdb(FdbEntry.onBridgePort("e0p", "02:00:00:00:08:01"));
        assertFalse(lab.exec("bridge", "fdb", "show", "dev", "vx7").orFail().contains("10.250.0.3"));
        assertFalse(lab.exec("bridge", "fdb", "show", "dev", "e0p").orFail().contains("02:00:00:00:08:01"));
    }
}
