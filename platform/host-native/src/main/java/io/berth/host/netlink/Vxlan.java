package io.berth.host.netlink;

import java.net.InetAddress;

/**
 * A VXLAN tunnel endpoint. {@code group} null and {@code learning} false give a unicast VTEP driven by static FDB
 * entries, as berth's overlay uses. Equivalent to:
 * {@code ip link add NAME type vxlan id VNI dstport PORT [local IP] [group IP] [dev DEV] [nolearning]}.
 */
public record Vxlan(LinkAttrs attrs, int vni, int port, InetAddress local, InetAddress group, boolean learning,
        String dev) implements LinkSpec {
    public static final int DEFAULT_PORT = 4789;

    public Vxlan {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("vxlan port out of range: " + port);
        }
    }

    public static Vxlan of(String name, int vni) {
        return new Vxlan(LinkAttrs.named(name), vni, DEFAULT_PORT, null, null, false, null);
    }

    public Vxlan with(LinkAttrs a) {
        return new Vxlan(a, vni, port, local, group, learning, dev);
    }

    public Vxlan withLocal(InetAddress address) {
        return new Vxlan(attrs, vni, port, address, group, learning, dev);
    }

    public Vxlan withDev(String device) {
        return new Vxlan(attrs, vni, port, local, group, learning, device);
    }

    public Vxlan withPort(int p) {
        return new Vxlan(attrs, vni, p, local, group, learning, dev);
    }

    @Override
    public String kind() {
        return "vxlan";
    }
}
