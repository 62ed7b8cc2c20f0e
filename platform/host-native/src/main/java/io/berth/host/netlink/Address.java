package io.berth.host.netlink;

/** An address on a link, as {@code ip addr show} lists it. */
public record Address(int linkIndex, IpPrefix prefix, String label, int scope) {
}
