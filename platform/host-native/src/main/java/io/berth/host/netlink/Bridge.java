package io.berth.host.netlink;

import java.time.Duration;

/**
 * A Linux bridge. {@code null} settings keep the kernel defaults.
 * Equivalent to: {@code ip link add NAME type bridge [vlan_filtering 0|1] [stp_state 0|1] [ageing_time CS]}.
 */
public record Bridge(LinkAttrs attrs, Boolean vlanFiltering, Boolean stp, Duration ageing) implements LinkSpec {
    public static Bridge of(String name) {
        return new Bridge(LinkAttrs.named(name), null, false, null);
    }

    public Bridge with(LinkAttrs a) {
        return new Bridge(a, vlanFiltering, stp, ageing);
    }

    public Bridge withVlanFiltering(boolean on) {
        return new Bridge(attrs, on, stp, ageing);
    }

    public Bridge withAgeing(Duration d) {
        return new Bridge(attrs, vlanFiltering, stp, d);
    }

    @Override
    public String kind() {
        return "bridge";
    }
}
