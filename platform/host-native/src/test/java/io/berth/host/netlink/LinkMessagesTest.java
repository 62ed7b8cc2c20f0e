package io.berth.host.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Byte-level checks of the rtnetlink encoding (no kernel needed). */
class LinkMessagesTest {
    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    @Test
    void headerLengthAlignmentAndFlags() {
        byte[] m = LinkMessages.create(Bridge.of("br0"), 0, 0, -1).bytes(7);
        ByteBuffer b = wrap(m);
        assertEquals(m.length, b.getInt(0), "nlmsg_len covers the whole message");
        assertEquals(0, m.length % 4, "4-byte aligned");
        assertEquals(Nl.RTM_NEWLINK, b.getShort(4));
        assertEquals(Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL, b.getShort(6));
        assertEquals(7, b.getInt(8));
        NlAttrs a = NlAttrs.parse(b, 16 + 16, m.length);
        assertEquals("br0", a.string(Nl.IFLA_IFNAME));
        assertEquals("bridge", a.nested(Nl.IFLA_LINKINFO).string(Nl.IFLA_INFO_KIND));
        assertEquals(0, a.nested(Nl.IFLA_LINKINFO).nested(Nl.IFLA_INFO_DATA).u32(Nl.IFLA_BR_STP_STATE));
    }

    @Test
    void attributeLengthExcludesPaddingButNestsCoverIt() {
        NlRequest r = new NlRequest(Nl.RTM_NEWLINK, 0, "t");
        r.ifinfomsg(0, 0, 0, 0);
        int nest = r.nest(Nl.IFLA_LINKINFO);
        r.attrString(Nl.IFLA_INFO_KIND, "veth"); // 4 + 5 = 9 -> padded to 12
        r.end(nest);
        ByteBuffer b = wrap(r.bytes(1));
        assertEquals(16, b.getShort(32), "nest = 4 + padded child (12)");
        assertEquals(9, b.getShort(36), "rta_len = 4 + payload, without padding");
    }

    @Test
    void vxlanPortIsBigEndianAndIdHostOrder() {
        byte[] m = LinkMessages.create(Vxlan.of("vx0", 42).withLocal(IpPrefix.literal("10.0.0.1")), 0, 3, -1).bytes(1);
        NlAttrs data = NlAttrs.parse(wrap(m), 32, m.length).nested(Nl.IFLA_LINKINFO).nested(Nl.IFLA_INFO_DATA);
        assertArrayEquals(new byte[] {0x12, (byte) 0xb5}, data.bytes(Nl.IFLA_VXLAN_PORT), "4789 big-endian");
        assertEquals(42, data.u32(Nl.IFLA_VXLAN_ID));
        assertEquals(3, data.u32(Nl.IFLA_VXLAN_LINK), "dev goes in IFLA_VXLAN_LINK");
        assertArrayEquals(new byte[] {10, 0, 0, 1}, data.bytes(Nl.IFLA_VXLAN_LOCAL), "addresses in network order");
        assertEquals(0, data.u8(Nl.IFLA_VXLAN_LEARNING));
        assertEquals(null, NlAttrs.parse(wrap(m), 32, m.length).u32(Nl.IFLA_LINK));
    }

    @Test
    void vethPeerCarriesItsOwnIfinfomsgNameAndNetnsFd() {
        Veth v = Veth.of("v0", "v0p").withPeerNetns(java.nio.file.Path.of("/run/x")).with(LinkAttrs.named("v0").withMtu(1400));
        byte[] m = LinkMessages.create(v, 5, 0, 42).bytes(1);
        NlAttrs top = NlAttrs.parse(wrap(m), 32, m.length);
        assertEquals(5, top.u32(Nl.IFLA_MASTER));
        assertEquals(1400, top.u32(Nl.IFLA_MTU));
        ByteBuffer peer = top.nested(Nl.IFLA_LINKINFO).nested(Nl.IFLA_INFO_DATA).get(Nl.VETH_INFO_PEER);
        NlAttrs p = NlAttrs.parse(peer, 16, peer.limit()); // skip the peer's ifinfomsg
        assertEquals("v0p", p.string(Nl.IFLA_IFNAME));
        assertEquals(42, p.u32(Nl.IFLA_NET_NS_FD));
        assertEquals(1400, p.u32(Nl.IFLA_MTU));
    }

    @Test
    void vlanMacvlanIpvlanData() {
        NlAttrs vlan = data(LinkMessages.create(Vlan.of("eth0", 100), 0, 2, -1).bytes(1));
        assertEquals(100, vlan.u16(Nl.IFLA_VLAN_ID));
        assertEquals(0x8100, vlan.be16(Nl.IFLA_VLAN_PROTOCOL));
        assertEquals(4, data(LinkMessages.create(Macvlan.of("m", "p", Macvlan.Mode.BRIDGE), 0, 2, -1).bytes(1))
                .u32(Nl.IFLA_MACVLAN_MODE));
        assertEquals(1, data(LinkMessages.create(Ipvlan.of("i", "p", Ipvlan.Mode.L3), 0, 2, -1).bytes(1))
                .u16(Nl.IFLA_IPVLAN_MODE));
        byte[] m = LinkMessages.create(Vlan.of("eth0", 100), 0, 2, -1).bytes(1);
        assertEquals(2, NlAttrs.parse(wrap(m), 32, m.length).u32(Nl.IFLA_LINK));
    }

    static NlAttrs data(byte[] m) {
        return NlAttrs.parse(wrap(m), 32, m.length).nested(Nl.IFLA_LINKINFO).nested(Nl.IFLA_INFO_DATA);
    }

    @Test
    void decodeReadsWhatCreateWrote() {
        Link l = LinkMessages.decode(wrap(LinkMessages.create(Vxlan.of("vx9", 9)
                .with(LinkAttrs.named("vx9").withMtu(1450).withMac("02:00:00:00:00:09").withUp(true)), 4, 0, -1).bytes(1)));
        assertEquals("vx9", l.name());
        assertEquals("vxlan", l.kind());
        assertEquals(1450, l.mtu());
        assertEquals("02:00:00:00:00:09", l.mac());
        assertEquals(4, l.masterIndex());
        assertTrue(l.isUp());
        assertEquals("9", l.info().get("id"));
        assertEquals("4789", l.info().get("port"));
    }

    @Test
    void describeNamesTheEquivalentCommand() {
        assertEquals("ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 dev eth0 nolearning",
                LinkMessages.describe(Vxlan.of("vx0", 42).withLocal(IpPrefix.literal("10.0.0.1")).withDev("eth0")));
        assertEquals("ip link add link eth0 eth0.100 type vlan id 100", LinkMessages.describe(Vlan.of("eth0", 100)));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> LinkAttrs.named("way-too-long-name0"));
        assertThrows(IllegalArgumentException.class, () -> LinkAttrs.named("a b"));
        assertThrows(IllegalArgumentException.class, () -> LinkAttrs.named("x").withMac("zz"));
        assertThrows(IllegalArgumentException.class, () -> Vlan.of("eth0", 4095));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse("10.0.0.1/33"));
        assertEquals("fd00:0:0:0:0:0:0:1/64", IpPrefix.parse("fd00::1/64").toString());
    }
}
