package io.berth.host.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/** Wire codec for RTM_{NEW,DEL,GET}NEIGH: ARP/NDP entries and bridge FDB entries (ndmsg, 12 bytes). */
final class NeighbourMessages {
    private static final int NDMSG = 12;

    private NeighbourMessages() {
    }

    private static void ndmsg(NlRequest r, int family, int index, int state, int flags) {
        r.u8(family).u8(0).u16(0).u32(index).u16(state).u8(flags).u8(0);
    }

    static NlRequest addNeighbour(int index, String dev, InetAddress ip, String mac, boolean replace) {
        int f = Nl.F_ACK | Nl.F_CREATE | (replace ? Nl.F_REPLACE : Nl.F_EXCL);
        NlRequest r = new NlRequest(Nl.RTM_NEWNEIGH, f, "ip neigh " + (replace ? "replace " : "add ")
                + ip.getHostAddress() + " lladdr " + mac + " dev " + dev + " nud permanent");
        ndmsg(r, ip instanceof Inet4Address ? Nl.AF_INET : Nl.AF_INET6, index, Nl.NUD_PERMANENT, 0);
        r.attrAddress(Nl.NDA_DST, ip);
        r.attr(Nl.NDA_LLADDR, Mac.parse(mac));
        return r;
    }

    static NlRequest deleteNeighbour(int index, String dev, InetAddress ip) {
        NlRequest r = new NlRequest(Nl.RTM_DELNEIGH, Nl.F_ACK, "ip neigh del " + ip.getHostAddress() + " dev " + dev);
        ndmsg(r, ip instanceof Inet4Address ? Nl.AF_INET : Nl.AF_INET6, index, 0, 0);
        r.attrAddress(Nl.NDA_DST, ip);
        return r;
    }

    static NlRequest dumpNeighbours(int family) {
        NlRequest r = new NlRequest(Nl.RTM_GETNEIGH, Nl.F_DUMP, family == Nl.AF_BRIDGE ? "bridge fdb show" : "ip neigh show");
        ndmsg(r, family, 0, 0, 0);
        return r;
    }

    /** {@code append} adds another entry for the same MAC (several VTEPs for 00:00:00:00:00:00). */
    static NlRequest addFdb(int index, FdbEntry e, boolean append) {
        int f = Nl.F_ACK | Nl.F_CREATE | (append ? Nl.F_APPEND : Nl.F_EXCL);
        NlRequest r = new NlRequest(Nl.RTM_NEWNEIGH, f, "bridge fdb " + (append ? "append " : "add ") + describe(e));
        int state = e.permanent() ? Nl.NUD_PERMANENT | Nl.NUD_NOARP : Nl.NUD_NOARP;
        ndmsg(r, Nl.AF_BRIDGE, index, state, e.master() ? Nl.NTF_MASTER : Nl.NTF_SELF);
        r.attr(Nl.NDA_LLADDR, Mac.parse(e.mac()));
        if (e.dst() != null) {
            r.attrAddress(Nl.NDA_DST, e.dst());
        }
        return r;
    }

    static NlRequest deleteFdb(int index, FdbEntry e) {
        NlRequest r = new NlRequest(Nl.RTM_DELNEIGH, Nl.F_ACK, "bridge fdb del " + describe(e));
        ndmsg(r, Nl.AF_BRIDGE, index, 0, e.master() ? Nl.NTF_MASTER : Nl.NTF_SELF);
        r.attr(Nl.NDA_LLADDR, Mac.parse(e.mac()));
        if (e.dst() != null) {
            r.attrAddress(Nl.NDA_DST, e.dst());
        }
        return r;
    }

    static String describe(FdbEntry e) {
        return e.mac() + " dev " + e.dev() + (e.dst() != null ? " dst " + e.dst().getHostAddress() : "")
                + (e.master() ? " master" : " self") + (e.permanent() ? " permanent" : " static");
    }

    static int index(ByteBuffer msg) {
        return msg.getInt(Nl.NLMSG_HDRLEN + 4);
    }

    static Neighbour decodeNeighbour(ByteBuffer msg) {
        int base = Nl.NLMSG_HDRLEN;
        int state = Short.toUnsignedInt(msg.getShort(base + 8));
        NlAttrs a = NlAttrs.parse(msg, base + NDMSG, msg.limit());
        return new Neighbour(msg.getInt(base + 4), a.address(Nl.NDA_DST), Mac.format(a.bytes(Nl.NDA_LLADDR)), state);
    }

    static FdbEntry decodeFdb(ByteBuffer msg, String dev) {
        int base = Nl.NLMSG_HDRLEN;
        int state = Short.toUnsignedInt(msg.getShort(base + 8));
        int flags = msg.get(base + 10) & 0xff;
        NlAttrs a = NlAttrs.parse(msg, base + NDMSG, msg.limit());
        byte[] mac = a.bytes(Nl.NDA_LLADDR);
        if (mac == null || mac.length != 6) {
            return null;
        }
        boolean master = (flags & Nl.NTF_MASTER) != 0 || a.has(Nl.NDA_MASTER); // bridge entries name their bridge
        return new FdbEntry(dev, Mac.format(mac), a.address(Nl.NDA_DST), master,
                (state & Nl.NUD_PERMANENT) != 0);
    }
}
