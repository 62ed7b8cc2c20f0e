package io.berth.host.netlink;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wire codec for RTM_{NEW,DEL,GET,SET}LINK. */
final class LinkMessages {
    private static final int IFINFOMSG = 16;

    private LinkMessages() {
    }

    /**
     * RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL. Indexes are resolved by the caller (0 = unset); {@code peerNsFd} -1 =
     * the peer stays in this namespace.
     */
    static NlRequest create(LinkSpec spec, int masterIndex, int parentIndex, int peerNsFd) {
        LinkAttrs a = spec.attrs();
        NlRequest r = new NlRequest(Nl.RTM_NEWLINK, Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL, describe(spec));
        r.ifinfomsg(Nl.AF_UNSPEC, 0, a.up() ? Nl.IFF_UP : 0, a.up() ? Nl.IFF_UP : 0);
        r.attrString(Nl.IFLA_IFNAME, a.name());
        if (a.mtu() > 0) {
            r.attrU32(Nl.IFLA_MTU, a.mtu());
        }
        if (a.mac() != null) {
            r.attr(Nl.IFLA_ADDRESS, Mac.parse(a.mac()));
        }
        if (masterIndex > 0) {
            r.attrU32(Nl.IFLA_MASTER, masterIndex);
        }
        if (parentIndex > 0 && !(spec instanceof Vxlan)) { // a VXLAN's dev goes in IFLA_VXLAN_LINK
            r.attrU32(Nl.IFLA_LINK, parentIndex);
        }
        int info = r.nest(Nl.IFLA_LINKINFO);
        r.attrString(Nl.IFLA_INFO_KIND, spec.kind());
        int data = r.nest(Nl.IFLA_INFO_DATA);
        if (spec instanceof Bridge b) {
            bridgeData(r, b);
        } else if (spec instanceof Veth v) {
            int peer = r.nest(Nl.VETH_INFO_PEER);
            r.ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
            r.attrString(Nl.IFLA_IFNAME, v.peerName());
            if (a.mtu() > 0) {
                r.attrU32(Nl.IFLA_MTU, a.mtu());
            }
            if (peerNsFd >= 0) {
                r.attrU32(Nl.IFLA_NET_NS_FD, peerNsFd);
            }
            r.end(peer);
        } else if (spec instanceof Vxlan x) {
            vxlanData(r, x, parentIndex);
        } else if (spec instanceof Macvlan m) {
            r.attrU32(Nl.IFLA_MACVLAN_MODE, m.mode().value);
        } else if (spec instanceof Ipvlan i) {
            r.attrU16(Nl.IFLA_IPVLAN_MODE, i.mode().ordinal());
        } else if (spec instanceof Vlan v) {
            r.attrU16(Nl.IFLA_VLAN_ID, v.vlanId());
            r.attrBe16(Nl.IFLA_VLAN_PROTOCOL, 0x8100);
        }
        r.end(data);
        r.end(info);
        return r;
    }

    private static void bridgeData(NlRequest r, Bridge b) {
        if (b.ageing() != null) {
            r.attrU32(Nl.IFLA_BR_AGEING_TIME, (int) (b.ageing().toMillis() / 10)); // clock_t, USER_HZ = 100
        }
        if (b.stp() != null) {
            r.attrU32(Nl.IFLA_BR_STP_STATE, b.stp() ? 1 : 0);
        }
        if (b.vlanFiltering() != null) {
            r.attrU8(Nl.IFLA_BR_VLAN_FILTERING, b.vlanFiltering() ? 1 : 0);
        }
    }

    private static void vxlanData(NlRequest r, Vxlan x, int devIndex) {
        r.attrU32(Nl.IFLA_VXLAN_ID, x.vni());
        if (x.local() != null) {
            r.attrAddress(x.local() instanceof Inet4Address ? Nl.IFLA_VXLAN_LOCAL : Nl.IFLA_VXLAN_LOCAL6, x.local());
        }
        if (x.group() != null) {
            r.attrAddress(x.group() instanceof Inet4Address ? Nl.IFLA_VXLAN_GROUP : Nl.IFLA_VXLAN_GROUP6, x.group());
        }
        if (devIndex > 0) {
            r.attrU32(Nl.IFLA_VXLAN_LINK, devIndex);
        }
        r.attrU8(Nl.IFLA_VXLAN_LEARNING, x.learning() ? 1 : 0);
        r.attrBe16(Nl.IFLA_VXLAN_PORT, x.port()); // the one big-endian attribute
    }

    static NlRequest getByName(String name) {
        NlRequest r = new NlRequest(Nl.RTM_GETLINK, Nl.F_ACK, "ip link show " + name);
        r.ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
        r.attrString(Nl.IFLA_IFNAME, name);
        return r;
    }

    static NlRequest getByIndex(int index) {
        NlRequest r = new NlRequest(Nl.RTM_GETLINK, Nl.F_ACK, "ip link show index " + index);
        r.ifinfomsg(Nl.AF_UNSPEC, index, 0, 0);
        return r;
    }

    static NlRequest dump() {
        NlRequest r = new NlRequest(Nl.RTM_GETLINK, Nl.F_DUMP, "ip link show");
        r.ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
        return r;
    }

    static NlRequest delete(String name) {
        NlRequest r = new NlRequest(Nl.RTM_DELLINK, Nl.F_ACK, "ip link delete " + name);
        r.ifinfomsg(Nl.AF_UNSPEC, 0, 0, 0);
        r.attrString(Nl.IFLA_IFNAME, name);
        return r;
    }

    /** RTM_SETLINK on an index; the caller adds attributes. */
    static NlRequest set(int index, int flags, int change, String description) {
        NlRequest r = new NlRequest(Nl.RTM_SETLINK, Nl.F_ACK, description);
        r.ifinfomsg(Nl.AF_UNSPEC, index, flags, change);
        return r;
    }

    static Link decode(ByteBuffer msg) {
        int base = Nl.NLMSG_HDRLEN;
        int index = msg.getInt(base + 4);
        int flags = msg.getInt(base + 8);
        NlAttrs a = NlAttrs.parse(msg, base + IFINFOMSG, msg.limit());
        NlAttrs info = a.nested(Nl.IFLA_LINKINFO);
        String kind = info.string(Nl.IFLA_INFO_KIND);
        Map<String, String> data = decodeInfo(kind, info.nested(Nl.IFLA_INFO_DATA));
        Integer operstate = a.u8(Nl.IFLA_OPERSTATE);
        return new Link(index, a.string(Nl.IFLA_IFNAME), kind, orZero(a.u32(Nl.IFLA_MTU)),
                Mac.format(a.bytes(Nl.IFLA_ADDRESS)), orZero(a.u32(Nl.IFLA_MASTER)), orZero(a.u32(Nl.IFLA_LINK)),
                flags, orZero(a.u32(Nl.IFLA_PROMISCUITY)), operstate == null ? null : operState(operstate), data);
    }

    private static Map<String, String> decodeInfo(String kind, NlAttrs d) {
        Map<String, String> m = new LinkedHashMap<>();
        if (kind == null) {
            return m;
        }
        switch (kind) {
            case "vxlan" -> {
                put(m, "id", d.u32(Nl.IFLA_VXLAN_ID));
                put(m, "port", d.be16(Nl.IFLA_VXLAN_PORT));
                put(m, "learning", d.u8(Nl.IFLA_VXLAN_LEARNING));
                put(m, "link", d.u32(Nl.IFLA_VXLAN_LINK));
                java.net.InetAddress local = d.address(Nl.IFLA_VXLAN_LOCAL);
                if (local == null) {
                    local = d.address(Nl.IFLA_VXLAN_LOCAL6);
                }
                if (local != null) {
                    m.put("local", local.getHostAddress());
                }
            }
            case "vlan" -> put(m, "id", d.u16(Nl.IFLA_VLAN_ID));
            case "macvlan" -> {
                Integer mode = d.u32(Nl.IFLA_MACVLAN_MODE);
                if (mode != null) {
                    Macvlan.Mode mm = Macvlan.Mode.of(mode);
                    m.put("mode", mm == null ? String.valueOf(mode) : mm.name().toLowerCase());
                }
            }
            case "ipvlan" -> {
                Integer mode = d.u16(Nl.IFLA_IPVLAN_MODE);
                if (mode != null && mode < Ipvlan.Mode.values().length) {
                    m.put("mode", Ipvlan.Mode.values()[mode].name().toLowerCase());
                }
            }
            case "bridge" -> {
                put(m, "vlan_filtering", d.u8(Nl.IFLA_BR_VLAN_FILTERING));
                put(m, "stp_state", d.u32(Nl.IFLA_BR_STP_STATE));
                put(m, "ageing_time", d.u32(Nl.IFLA_BR_AGEING_TIME));
            }
            default -> {
            }
        }
        return m;
    }

    private static void put(Map<String, String> m, String k, Integer v) {
        if (v != null) {
            m.put(k, Integer.toUnsignedString(v));
        }
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static String operState(int s) {
        return switch (s) {
            case 1 -> "NOTPRESENT";
            case 2 -> "DOWN";
            case 3 -> "LOWERLAYERDOWN";
            case 4 -> "TESTING";
            case 5 -> "DORMANT";
            case 6 -> "UP";
            default -> "UNKNOWN";
        };
    }

    static String describe(LinkSpec spec) {
        LinkAttrs a = spec.attrs();
        StringBuilder sb = new StringBuilder("ip link add ");
        if (spec instanceof Macvlan m) {
            sb.append("link ").append(m.parent()).append(' ');
        } else if (spec instanceof Ipvlan i) {
            sb.append("link ").append(i.parent()).append(' ');
        } else if (spec instanceof Vlan v) {
            sb.append("link ").append(v.parent()).append(' ');
        }
        sb.append(a.name());
        if (a.mtu() > 0) {
            sb.append(" mtu ").append(a.mtu());
        }
        sb.append(" type ").append(spec.kind());
        if (spec instanceof Veth v) {
            sb.append(" peer name ").append(v.peerName()).append(v.peerNetns() != null ? " netns " + v.peerNetns() : "");
        } else if (spec instanceof Vxlan x) {
            sb.append(" id ").append(x.vni()).append(" dstport ").append(x.port())
                    .append(x.local() != null ? " local " + x.local().getHostAddress() : "")
                    .append(x.dev() != null ? " dev " + x.dev() : "").append(x.learning() ? "" : " nolearning");
        } else if (spec instanceof Macvlan m) {
            sb.append(" mode ").append(m.mode().name().toLowerCase());
        } else if (spec instanceof Ipvlan i) {
            sb.append(" mode ").append(i.mode().name().toLowerCase());
        } else if (spec instanceof Vlan v) {
            sb.append(" id ").append(v.vlanId());
        }
        return sb.toString();
    }
}
