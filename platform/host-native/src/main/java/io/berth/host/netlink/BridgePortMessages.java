package io.berth.host.netlink;

import java.nio.ByteBuffer;

/**
 * Wire codec for bridge-port settings: {@code RTM_SETLINK} / {@code RTM_GETLINK} in family {@code AF_BRIDGE}, whose
 * {@code IFLA_PROTINFO} nest carries the port's {@code IFLA_BRPORT_*} attributes (what {@code bridge link set}
 * sends). The kernel reads the nest as port attributes only when it is flagged {@code NLA_F_NESTED}; unflagged it
 * takes the first byte as a port state (the old RSTP interface).
 */
final class BridgePortMessages {
    static final int IFLA_PROTINFO = 12;
    static final int NLA_F_NESTED = 0x8000;
    /** {@code IFLA_BRPORT_MODE}: hairpin (reflective relay) on the port. */
    static final int IFLA_BRPORT_MODE = 4;

    private static final int IFINFOMSG = 16;

    private BridgePortMessages() {
    }

    /** {@code bridge link set dev NAME hairpin on|off} on the port with this index. */
    static NlRequest setHairpin(int index, String name, boolean on) {
        NlRequest r = new NlRequest(Nl.RTM_SETLINK, Nl.F_ACK,
                "bridge link set dev " + name + " hairpin " + (on ? "on" : "off"));
        r.ifinfomsg(Nl.AF_BRIDGE, index, 0, 0);
        int nest = r.nest(IFLA_PROTINFO | NLA_F_NESTED);
        r.attrU8(IFLA_BRPORT_MODE, on ? 1 : 0);
        r.end(nest);
        return r;
    }

    /** {@code bridge link show}: one message per bridge port (a get by index does not carry the port info). */
    static NlRequest dump() {
        NlRequest r = new NlRequest(Nl.RTM_GETLINK, Nl.F_DUMP, "bridge link show");
        r.ifinfomsg(Nl.AF_BRIDGE, 0, 0, 0);
        return r;
    }

    /** The link index a dumped message is about. */
    static int index(ByteBuffer msg) {
        return msg.getInt(Nl.NLMSG_HDRLEN + 4);
    }

    /** The hairpin flag in a dumped message, or {@code null} when it carries no port info. */
    static Boolean hairpin(ByteBuffer msg) {
        NlAttrs a = NlAttrs.parse(msg, Nl.NLMSG_HDRLEN + IFINFOMSG, msg.limit());
        if (!a.has(IFLA_PROTINFO)) {
            return null;
        }
        Integer mode = a.nested(IFLA_PROTINFO).u8(IFLA_BRPORT_MODE);
        return mode == null ? null : mode != 0;
    }
}
