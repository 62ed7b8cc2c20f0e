package io.berth.host.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Address, route and neighbour encodings. */
class OtherMessagesTest {
    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    @Test
    void addressMessage() {
        byte[] m = AddressMessages.add(3, "e0", IpPrefix.parse("10.1.2.3/24")).bytes(1);
        ByteBuffer b = wrap(m);
        assertEquals(Nl.AF_INET, b.get(16));
        assertEquals(24, b.get(17));
        assertEquals(3, b.getInt(20));
        NlAttrs a = NlAttrs.parse(b, 24, m.length);
        assertArrayEquals(new byte[] {10, 1, 2, 3}, a.bytes(Nl.IFA_LOCAL));
        Address back = AddressMessages.decode(b);
        assertEquals(IpPrefix.parse("10.1.2.3/24"), back.prefix());
        assertEquals(Nl.AF_INET6, wrap(AddressMessages.add(3, "e0", IpPrefix.parse("fd00::1/64")).bytes(1)).get(16));
    }

    @Test
    void routeMessage() {
        Route r = Route.via("10.99.0.0/16", "10.77.0.2").withTable(1000).withOnLink(true).withMetric(5);
        byte[] m = RouteMessages.add(r, 7, false).bytes(1);
        ByteBuffer b = wrap(m);
        assertEquals(Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL, b.getShort(6));
        assertEquals(16, b.get(17), "dst_len");
        assertEquals(0, b.get(20), "table > 255 goes in RTA_TABLE");
        assertEquals(Nl.RTPROT_STATIC, b.get(21));
        assertEquals(Nl.RTNH_F_ONLINK, b.getInt(24));
        NlAttrs a = NlAttrs.parse(b, 28, m.length);
        assertEquals(1000, a.u32(Nl.RTA_TABLE));
        assertEquals(7, a.u32(Nl.RTA_OIF));
        assertEquals(5, a.u32(Nl.RTA_PRIORITY));
        assertEquals("10.77.0.2", a.address(Nl.RTA_GATEWAY).getHostAddress());
        Route back = RouteMessages.decode(b, i -> i == 7 ? "e0" : null);
        assertEquals("e0", back.dev());
        assertEquals(1000, back.table());
        assertEquals(Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_REPLACE,
                wrap(RouteMessages.add(r, 7, true).bytes(1)).getShort(6));
        assertEquals("ip route add 10.99.0.0/16 via 10.77.0.2 onlink table 1000 metric 5", RouteMessages.describe("add", r));
    }

    @Test
    void fdbAppendForAVtep() {
        byte[] m = NeighbourMessages.addFdb(4, FdbEntry.floodTo("vx0", IpPrefix.literal("192.0.2.12")), true).bytes(1);
        ByteBuffer b = wrap(m);
        assertEquals(Nl.F_REQUEST | Nl.F_ACK | Nl.F_CREATE | Nl.F_APPEND, b.getShort(6));
        assertEquals(Nl.AF_BRIDGE, b.get(16));
        assertEquals(4, b.getInt(20));
        assertEquals(Nl.NUD_PERMANENT | Nl.NUD_NOARP, b.getShort(24));
        assertEquals(Nl.NTF_SELF, b.get(26));
        FdbEntry back = NeighbourMessages.decodeFdb(b, "vx0");
        assertEquals(FdbEntry.floodTo("vx0", IpPrefix.literal("192.0.2.12")), back);
    }
}
