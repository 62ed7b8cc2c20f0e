package io.berth.host.netlink;

import java.nio.ByteBuffer;

/** Wire codec for RTM_{NEW,DEL,GET}ADDR (ifaddrmsg: family, prefixlen, flags, scope, index). */
final class AddressMessages {
    private static final int IFADDRMSG = 8;

    private AddressMessages() {
    }

    static NlRequest add(int index, String dev, IpPrefix p) {
        NlRequest r = new NlRequest(Nl.RTM_NEWADDR, Nl.F_ACK | Nl.F_CREATE | Nl.F_EXCL, "ip addr add " + p + " dev " + dev);
        return body(r, index, p);
    }

    static NlRequest delete(int index, String dev, IpPrefix p) {
        NlRequest r = new NlRequest(Nl.RTM_DELADDR, Nl.F_ACK, "ip addr del " + p + " dev " + dev);
        return body(r, index, p);
    }

    private static NlRequest body(NlRequest r, int index, IpPrefix p) {
        r.u8(p.family()).u8(p.length()).u8(0).u8(Nl.RT_SCOPE_UNIVERSE).u32(index);
        r.attrAddress(Nl.IFA_LOCAL, p.address());
        r.attrAddress(Nl.IFA_ADDRESS, p.address());
        return r;
    }

    static NlRequest dump(int family) {
        NlRequest r = new NlRequest(Nl.RTM_GETADDR, Nl.F_DUMP, "ip addr show");
        r.u8(family).u8(0).u8(0).u8(0).u32(0);
        return r;
    }

    static Address decode(ByteBuffer msg) {
        int base = Nl.NLMSG_HDRLEN;
        int prefixLen = msg.get(base + 1) & 0xff;
        int scope = msg.get(base + 3) & 0xff;
        int index = msg.getInt(base + 4);
        NlAttrs a = NlAttrs.parse(msg, base + IFADDRMSG, msg.limit());
        java.net.InetAddress addr = a.address(Nl.IFA_LOCAL);
        if (addr == null) {
            addr = a.address(Nl.IFA_ADDRESS);
        }
        return addr == null ? null : new Address(index, new IpPrefix(addr, prefixLen), a.string(Nl.IFA_LABEL), scope);
    }
}
