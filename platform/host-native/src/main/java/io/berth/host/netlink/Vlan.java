package io.berth.host.netlink;

/**
 * An 802.1Q sub-interface of {@code parent} (like {@code eth0.100}).
 * Equivalent to: {@code ip link add link PARENT name NAME type vlan id ID}.
 */
public record Vlan(LinkAttrs attrs, String parent, int vlanId) implements LinkSpec {
    public Vlan {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("vlan id must be 1..4094: " + vlanId);
        }
    }

    public static Vlan of(String parent, int vlanId) {
        return new Vlan(LinkAttrs.named(parent + "." + vlanId), parent, vlanId);
    }

    public Vlan with(LinkAttrs a) {
        return new Vlan(a, parent, vlanId);
    }

    @Override
    public String kind() {
        return "vlan";
    }
}
