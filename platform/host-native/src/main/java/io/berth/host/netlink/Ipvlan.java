package io.berth.host.netlink;

/** An ipvlan on {@code parent}. Equivalent to: {@code ip link add NAME link PARENT type ipvlan mode l2|l3|l3s}. */
public record Ipvlan(LinkAttrs attrs, String parent, Mode mode) implements LinkSpec {
    public enum Mode {
        L2, L3, L3S
    }

    public static Ipvlan of(String name, String parent, Mode mode) {
        return new Ipvlan(LinkAttrs.named(name), parent, mode);
    }

    public Ipvlan with(LinkAttrs a) {
        return new Ipvlan(a, parent, mode);
    }

    @Override
    public String kind() {
        return "ipvlan";
    }
}
