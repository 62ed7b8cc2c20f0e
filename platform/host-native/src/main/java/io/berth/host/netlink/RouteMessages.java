package io.berth.host.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Wire codec for RTM_{NEW,DEL,GET}ROUTE (rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type,
 * flags).
 */
final class RouteMessages {
    private static final int RTMSG = 12;
    private static final int RT_SCOPE_NOWHERE = 255;

    private RouteMessages() {
    }

    static NlRequest add(Route route, int oif, boolean replace) {
        int flags = Nl.F_ACK | Nl.F_CREATE | (replace ? Nl.F_REPLACE : Nl.F_EXCL);
        NlRequest r = new NlRequest(Nl.RTM_NEWROUTE, flags, describe(replace ? "replace" : "add", route));
        int scope = route.scope() >= 0 ? route.scope()
                : route.gateway() == null && oif > 0 ? Nl.RT_SCOPE_LINK : Nl.RT_SCOPE_UNIVERSE;
        int proto = route.protocol() >= 0 ? route.protocol() : Nl.RTPROT_STATIC;
        return body(r, route, oif, proto, scope, Nl.RTN_UNICAST);
    }

    static NlRequest delete(Route route, int oif) {
        NlRequest r = new NlRequest(Nl.RTM_DELROUTE, Nl.F_ACK, describe("del", route));
        return body(r, route, oif, 0, RT_SCOPE_NOWHERE, 0);
    }

    private static NlRequest body(NlRequest r, Route route, int oif, int proto, int scope, int type) {
        int table = route.table();
        r.u8(route.family()).u8(route.dst() == null ? 0 : route.dst().length()).u8(0).u8(0)
                .u8(table < 256 ? table : 0).u8(proto).u8(scope).u8(type).u32(route.onLink() ? Nl.RTNH_F_ONLINK : 0);
        if (table >= 256) {
            r.attrU32(Nl.RTA_TABLE, table);
        }
        if (route.dst() != null) {
            r.attrAddress(Nl.RTA_DST, route.dst().address());
        }
        if (route.gateway() != null) {
            r.attrAddress(Nl.RTA_GATEWAY, route.gateway());
        }
        if (oif > 0) {
            r.attrU32(Nl.RTA_OIF, oif);
        }
        if (route.metric() > 0) {
            r.attrU32(Nl.RTA_PRIORITY, route.metric());
        }
        if (route.prefSrc() != null) {
            r.attrAddress(Nl.RTA_PREFSRC, route.prefSrc());
        }
        return r;
    }

    static NlRequest dump(int family) {
        NlRequest r = new NlRequest(Nl.RTM_GETROUTE, Nl.F_DUMP, "ip route show table all");
        r.u8(family).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
        return r;
    }

    /** Decodes a route; {@code dev} is left null (the facade fills in names) and {@code oif} returned separately. */
    static Route decode(ByteBuffer msg, java.util.function.IntFunction<String> names) {
        int base = Nl.NLMSG_HDRLEN;
        int dstLen = msg.get(base + 1) & 0xff;
        int table = msg.get(base + 4) & 0xff;
        int proto = msg.get(base + 5) & 0xff;
        int scope = msg.get(base + 6) & 0xff;
        int flags = msg.getInt(base + 8);
        NlAttrs a = NlAttrs.parse(msg, base + RTMSG, msg.limit());
        Integer t = a.u32(Nl.RTA_TABLE);
        if (t != null) {
            table = t;
        }
        InetAddress dst = a.address(Nl.RTA_DST);
        Integer oif = a.u32(Nl.RTA_OIF);
        Integer metric = a.u32(Nl.RTA_PRIORITY);
        return new Route(dst == null ? null : new IpPrefix(dst, dstLen), a.address(Nl.RTA_GATEWAY),
                oif == null ? null : names.apply(oif), table, (flags & Nl.RTNH_F_ONLINK) != 0,
                metric == null ? 0 : metric, a.address(Nl.RTA_PREFSRC), scope, proto);
    }

    static int type(ByteBuffer msg) {
        return msg.get(Nl.NLMSG_HDRLEN + 7) & 0xff;
    }

    static String describe(String verb, Route r) {
        StringBuilder sb = new StringBuilder("ip route ").append(verb).append(' ')
                .append(r.dst() == null ? "default" : r.dst().toString());
        if (r.gateway() != null) {
            sb.append(" via ").append(r.gateway().getHostAddress());
        }
        if (r.dev() != null) {
            sb.append(" dev ").append(r.dev());
        }
        if (r.onLink()) {
            sb.append(" onlink");
        }
        if (r.table() != Route.MAIN) {
            sb.append(" table ").append(r.table());
        }
        if (r.metric() > 0) {
            sb.append(" metric ").append(r.metric());
        }
        return sb.toString();
    }
}
