package io.berth.host.netlink;

import java.net.InetAddress;

/**
 * A route. {@code dst} null = default route. {@code table} 254 = main. For reading back, {@code dev} is the output
 * link's name. Equivalent to: {@code ip route add DST [via GW] [dev DEV] [onlink] [table N] [metric M] [src IP]}.
 */
public record Route(IpPrefix dst, InetAddress gateway, String dev, int table, boolean onLink, int metric,
        InetAddress prefSrc, int scope, int protocol) {
    public static final int MAIN = 254;

    /** {@code ip route add DST via GW}. */
    public static Route via(String dst, String gateway) {
        return new Route(dst == null ? null : IpPrefix.parse(dst), IpPrefix.literal(gateway), null, MAIN, false, 0,
                null, -1, -1);
    }

    /** {@code ip route add default via GW}. */
    public static Route defaultVia(String gateway) {
        return via(null, gateway);
    }

    /** {@code ip route add DST dev DEV} (scope link). */
    public static Route onLink(String dst, String dev) {
        return new Route(IpPrefix.parse(dst), null, dev, MAIN, false, 0, null, -1, -1);
    }

    public Route withDev(String d) {
        return new Route(dst, gateway, d, table, onLink, metric, prefSrc, scope, protocol);
    }

    public Route withTable(int t) {
        return new Route(dst, gateway, dev, t, onLink, metric, prefSrc, scope, protocol);
    }

    /** {@code onlink}: the gateway is on the link even if no address says so. */
    public Route withOnLink(boolean on) {
        return new Route(dst, gateway, dev, table, on, metric, prefSrc, scope, protocol);
    }

    public Route withMetric(int m) {
        return new Route(dst, gateway, dev, table, onLink, m, prefSrc, scope, protocol);
    }

    public Route withPrefSrc(InetAddress src) {
        return new Route(dst, gateway, dev, table, onLink, metric, src, scope, protocol);
    }

    public boolean isDefault() {
        return dst == null || dst.length() == 0;
    }

    int family() {
        if (dst != null) {
            return dst.family();
        }
        return gateway instanceof java.net.Inet6Address ? Nl.AF_INET6 : Nl.AF_INET;
    }
}
