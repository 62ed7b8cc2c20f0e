package io.berth.host.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Byte-level checks of the bridge-port (hairpin) encoding, against what {@code bridge link set} sends. */
class BridgePortMessagesTest {
    static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    @Test
    void hairpinIsAFlaggedProtinfoNestInTheBridgeFamily() {
        byte[] m = BridgePortMessages.setHairpin(42, "vb0", true).bytes(3);
        ByteBuffer b = wrap(m);
        assertEquals(m.length, b.getInt(0));
        assertEquals(Nl.RTM_SETLINK, b.getShort(4));
        assertEquals(Nl.F_REQUEST | Nl.F_ACK, b.getShort(6));
        assertEquals(Nl.AF_BRIDGE, b.get(16), "ifi_family AF_BRIDGE routes the request to the bridge");
        assertEquals(42, b.getInt(20), "ifi_index");
        // the nest: len 12 (4 + u8 attr of 5 padded to 8), type IFLA_PROTINFO | NLA_F_NESTED
        assertEquals(12, b.getShort(32));
        assertEquals(BridgePortMessages.IFLA_PROTINFO | BridgePortMessages.NLA_F_NESTED, b.getShort(34) & 0xffff,
                "without NLA_F_NESTED the kernel would read a port state");
        assertEquals(5, b.getShort(36));
        assertEquals(BridgePortMessages.IFLA_BRPORT_MODE, b.getShort(38));
        assertEquals(1, b.get(40));
        assertEquals(0, BridgePortMessages.setHairpin(42, "vb0", false).bytes(3)[40]);
    }

    @Test
    void decodesTheModeFromADumpedPort() {
        NlRequest reply = new NlRequest(Nl.RTM_NEWLINK, 0, "reply");
        reply.ifinfomsg(Nl.AF_BRIDGE, 7, 0, 0);
        reply.attrString(Nl.IFLA_IFNAME, "vb0");
        int nest = reply.nest(BridgePortMessages.IFLA_PROTINFO | BridgePortMessages.NLA_F_NESTED);
        reply.attrU8(1, 3); // IFLA_BRPORT_STATE forwarding
        reply.attrU8(BridgePortMessages.IFLA_BRPORT_MODE, 1);
        reply.end(nest);
        ByteBuffer msg = wrap(reply.bytes(1));
        assertEquals(7, BridgePortMessages.index(msg));
        assertEquals(Boolean.TRUE, BridgePortMessages.hairpin(msg));

        NlRequest plain = new NlRequest(Nl.RTM_NEWLINK, 0, "bridge itself");
        plain.ifinfomsg(Nl.AF_BRIDGE, 8, 0, 0);
        plain.attrString(Nl.IFLA_IFNAME, "br0");
        assertNull(BridgePortMessages.hairpin(wrap(plain.bytes(1))), "no port info: not a port");
    }
}
