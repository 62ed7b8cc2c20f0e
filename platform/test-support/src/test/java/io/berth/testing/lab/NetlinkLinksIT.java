package io.berth.testing.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.berth.host.Errno;
import io.berth.host.NetlinkException;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.IpPrefix;
import io.berth.host.netlink.Ipvlan;
import io.berth.host.netlink.Link;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Macvlan;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Veth;
import io.berth.host.netlink.Vlan;
import io.berth.host.netlink.Vxlan;

/** Every link operation, read back through netlink and through {@code ip -d link}. */
@Tag("host")
class NetlinkLinksIT {
    @RegisterExtension
    LabNetns lab = new LabNetns();

    String ipLink(String name) {
        return lab.exec("ip", "-d", "link", "show", "dev", name).orFail();
    }

    static void contains(String haystack, String... needles) {
        for (String n : needles) {
            assertTrue(haystack.contains(n), "expected '" + n + "' in:\n" + haystack);
        }
    }

    @Test
    void bridgeWithOptions() {
        Netlink nl = lab.netlink();
        Link br = nl.add(Bridge.of("br0").with(LinkAttrs.named("br0").withMtu(1400).withMac("02:42:ac:11:00:01")
                .withUp(true)).withAgeing(Duration.ofSeconds(20)));
        assertEquals("bridge", br.kind());
        assertEquals(1400, br.mtu());
        assertEquals("02:42:ac:11:00:01", br.mac());
        assertTrue(br.isUp());
        assertEquals("0", br.info().get("stp_state"));
        assertEquals("2000", br.info().get("ageing_time"));
        contains(ipLink("br0"), "mtu 1400", "02:42:ac:11:00:01", "BROADCAST,MULTICAST,UP>", "stp_state 0",
                "ageing_time 2000");
        assertEquals(br, nl.get(br.index()));
        assertTrue(nl.list().stream().anyMatch(l -> l.name().equals("br0")));
    }

    @Test
    void bridgeWithVlanFiltering() {
        Netlink nl = lab.netlink();
        try {
            nl.add(Bridge.of("brv").withVlanFiltering(true));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                org.junit.jupiter.api.Assumptions.abort(
                        "kernel feature missing: bridge vlan_filtering (CONFIG_BRIDGE_VLAN_FILTERING): " + e.getMessage());
            }
            throw e;
        }
        assertEquals("1", nl.get("brv").info().get("vlan_filtering"));
        contains(ipLink("brv"), "vlan_filtering 1");
    }

    @Test
    void vethPeerIntoAnotherNamespaceAndSetters() {
        Netlink nl = lab.netlink();
        NetnsHandle other = lab.newNetns("peer");
        nl.add(Bridge.of("br1"));
        Link v = nl.add(Veth.of("ve0", "ve0p").withPeerNetns(other.path())
                .with(LinkAttrs.named("ve0").withMtu(1450).withMaster("br1")));
        assertEquals("veth", v.kind());
        assertEquals(nl.index("br1"), v.masterIndex());
        assertTrue(nl.find("ve0p").isEmpty(), "peer is not here");
        Netlink peer = lab.netlink(other);
        assertEquals(1450, peer.get("ve0p").mtu());
        contains(lab.exec(other, "ip", "-o", "link", "show", "ve0p").orFail(), "ve0p@", "mtu 1450");
        contains(ipLink("ve0"), "master br1", "mtu 1450");

        nl.setUp("ve0");
        assertTrue(nl.get("ve0").isUp());
        nl.setDown("ve0");
        assertFalse(nl.get("ve0").isUp());
        contains(ipLink("ve0"), "state DOWN");
        nl.setMtu("ve0", 1300);
        assertEquals(1300, nl.get("ve0").mtu());
        contains(ipLink("ve0"), "mtu 1300");
        nl.setMac("ve0", "02:00:00:00:aa:01");
        assertEquals("02:00:00:00:aa:01", nl.get("ve0").mac());
        contains(ipLink("ve0"), "link/ether 02:00:00:00:aa:01");
        nl.setPromisc("ve0", true);
        assertTrue(nl.get("ve0").isPromisc());
        contains(ipLink("ve0"), "PROMISC");
        nl.setPromisc("ve0", false);
        assertFalse(nl.get("ve0").isPromisc());
        nl.setNoMaster("ve0");
        assertEquals(0, nl.get("ve0").masterIndex());
        assertFalse(ipLink("ve0").contains("master br1"));
        nl.setMaster("ve0", "br1");
        contains(ipLink("ve0"), "master br1");
        nl.rename("ve0", "ve0-renamed");
        assertTrue(nl.find("ve0").isEmpty());
        contains(ipLink("ve0-renamed"), "ve0-renamed@");
        nl.setNetns("ve0-renamed", other);
        assertTrue(nl.find("ve0-renamed").isEmpty());
        assertTrue(peer.find("ve0-renamed").isPresent());
        contains(lab.exec(other, "ip", "-o", "link").orFail(), "ve0-renamed", "ve0p");
        peer.setNetns("ve0-renamed", lab.netns().path());
        assertTrue(nl.find("ve0-renamed").isPresent());
        nl.delete("ve0-renamed");
        assertTrue(peer.find("ve0p").isEmpty(), "deleting one end deletes the pair");
        assertFalse(lab.exec("ip", "link", "show", "ve0-renamed").ok());
    }

    @Test
    void vxlanUnicastVtep() {
        Netlink nl = lab.netlink();
        nl.add(Veth.of("ul", "ulp"));
        nl.addAddress("ul", "10.250.0.1/24");
        Link vx = nl.add(Vxlan.of("vx42", 42).withLocal(IpPrefix.literal("10.250.0.1")).withDev("ul")
                .with(LinkAttrs.named("vx42").withMtu(1450)));
        assertEquals("vxlan", vx.kind());
        assertEquals("42", vx.info().get("id"));
        assertEquals("4789", vx.info().get("port"));
        assertEquals("0", vx.info().get("learning"));
        assertEquals("10.250.0.1", vx.info().get("local"));
        assertEquals(String.valueOf(nl.index("ul")), vx.info().get("link"));
        contains(ipLink("vx42"), "vxlan id 42", "local 10.250.0.1", "dev ul", "dstport 4789", "nolearning", "mtu 1450");
        nl.add(Vxlan.of("vx43", 43).withPort(8472));
        contains(ipLink("vx43"), "dstport 8472");
        Link mc = nl.add(new Vxlan(LinkAttrs.named("vx44"), 44, 4789, null, IpPrefix.literal("239.1.1.44"), true, "ul"));
        assertEquals("1", mc.info().get("learning"));
        contains(ipLink("vx44"), "vxlan id 44 group 239.1.1.44 dev ul");
        assertFalse(ipLink("vx44").contains("nolearning"));
    }

    @Test
    void macvlanModesOnVethEnds() {
        Netlink nl = lab.netlink();
        for (Macvlan.Mode mode : new Macvlan.Mode[] {Macvlan.Mode.BRIDGE, Macvlan.Mode.PRIVATE, Macvlan.Mode.VEPA,
                Macvlan.Mode.PASSTHRU}) {
            String p = "mp" + mode.ordinal();
            nl.add(Veth.of(p, p + "x"));
            Link mv = nl.add(Macvlan.of("mv" + mode.ordinal(), p, mode));
            assertEquals("macvlan", mv.kind());
            assertEquals(mode.name().toLowerCase(), mv.info().get("mode"));
            assertEquals(nl.index(p), mv.parentIndex());
            contains(ipLink("mv" + mode.ordinal()), "mv" + mode.ordinal() + "@" + p, "macvlan mode " + mode.name().toLowerCase());
        }
    }

    @Test
    void macvlanOnVlanSubInterfaceOfVethEnd() {
        lab.requireLinkKind("vlan");
        Netlink nl = lab.netlink();
        nl.add(Veth.of("trunk0", "trunk1"));
        Link vlan = nl.add(Vlan.of("trunk0", 100));
        assertEquals("100", vlan.info().get("id"));
        contains(ipLink("trunk0.100"), "vlan protocol 802.1Q id 100");
        nl.add(Macvlan.of("mvv0", "trunk0.100", Macvlan.Mode.BRIDGE));
        contains(ipLink("mvv0"), "mvv0@trunk0.100", "macvlan mode bridge");
    }

    @Test
    void ipvlanModes() {
        lab.requireLinkKind("ipvlan");
        Netlink nl = lab.netlink();
        nl.add(Veth.of("ip0", "ip1"));
        nl.add(Ipvlan.of("ipv0", "ip0", Ipvlan.Mode.L2));
        nl.add(Ipvlan.of("ipv1", "ip0", Ipvlan.Mode.L3));
        assertEquals("l3", nl.get("ipv1").info().get("mode"));
        contains(ipLink("ipv0"), "ipvlan  mode l2");
    }

    @Test
    void errorsCarryTheKernelsTextAndLeaveNothingHalfMade() {
        Netlink nl = lab.netlink();
        nl.add(Bridge.of("dup0"));
        NetlinkException dup = assertThrows(NetlinkException.class, () -> nl.add(Bridge.of("dup0")));
        assertEquals(Errno.EEXIST, dup.errno());
        assertTrue(dup.getMessage().startsWith("ip link add dup0 type bridge: EEXIST"), dup.getMessage());

        NetlinkException missing = assertThrows(NetlinkException.class, () -> nl.delete("nosuch0"));
        assertEquals(Errno.ENODEV, missing.errno());

        NetlinkException mtu = assertThrows(NetlinkException.class, () -> nl.setMtu("dup0", 10));
        assertEquals(Errno.EINVAL, mtu.errno());
        assertTrue(mtu.kernelMessage() != null && mtu.kernelMessage().contains("mtu"), mtu.getMessage());
        assertEquals(1500, nl.get("dup0").mtu(), "unchanged");

        NetlinkException vetoMtu = assertThrows(NetlinkException.class,
                () -> nl.add(Veth.of("bad0", "bad1").with(LinkAttrs.named("bad0").withMtu(100000))));
        assertEquals(Errno.EINVAL, vetoMtu.errno());
        assertTrue(nl.find("bad0").isEmpty() && nl.find("bad1").isEmpty(), "no half-made veth pair");

        NetlinkException vni = assertThrows(NetlinkException.class, () -> nl.add(Vxlan.of("vxbig", 1 << 25)));
        assertEquals(Errno.ERANGE, vni.errno());
        assertTrue(vni.kernelMessage().contains("VXLAN ID"), vni.getMessage());
        assertTrue(nl.find("vxbig").isEmpty());

        NetlinkException noParent = assertThrows(NetlinkException.class,
                () -> nl.add(Macvlan.of("mvx", "noparent0", Macvlan.Mode.BRIDGE)));
        assertEquals(Errno.ENODEV, noParent.errno());
        assertFalse(lab.exec("ip", "link", "show", "mvx").ok());
    }
}
