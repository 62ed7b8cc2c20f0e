package io.berth.host.netlink;

/**
 * Attributes every link kind shares (like {@code netlink.LinkAttrs} in vishvananda/netlink). {@code mtu} 0 and
 * {@code null} mac/master mean "kernel default".
 */
public record LinkAttrs(String name, int mtu, String mac, String master, boolean up) {
    public LinkAttrs {
        if (name == null || name.isEmpty() || name.length() > 15 || name.contains("/") || name.contains(" ")) {
            throw new IllegalArgumentException("invalid link name (1-15 chars, no '/' or space): " + name);
        }
        if (mtu < 0) {
            throw new IllegalArgumentException("negative mtu: " + mtu);
        }
        if (mac != null) {
            Mac.parse(mac);
        }
    }

    public static LinkAttrs named(String name) {
        return new LinkAttrs(name, 0, null, null, false);
    }

    public LinkAttrs withMtu(int value) {
        return new LinkAttrs(name, value, mac, master, up);
    }

    public LinkAttrs withMac(String value) {
        return new LinkAttrs(name, mtu, value, master, up);
    }

    public LinkAttrs withMaster(String value) {
        return new LinkAttrs(name, mtu, mac, value, up);
    }

    public LinkAttrs withUp(boolean value) {
        return new LinkAttrs(name, mtu, mac, master, value);
    }
}
