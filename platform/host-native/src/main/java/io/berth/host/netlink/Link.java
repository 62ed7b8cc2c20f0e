package io.berth.host.netlink;

import java.util.Map;

/**
 * A link as the kernel reports it ({@code ip -d link show}). {@code masterIndex}/{@code parentIndex} are 0 when
 * unset; {@code info} holds kind-specific data such as {@code id}, {@code port}, {@code learning} (vxlan), {@code id}
 * (vlan), {@code mode} (macvlan, ipvlan), {@code vlan_filtering}, {@code stp_state}, {@code ageing_time} (bridge).
 */
public record Link(int index, String name, String kind, int mtu, String mac, int masterIndex, int parentIndex,
        int flags, int promiscuity, String operState, Map<String, String> info) {

    public boolean isUp() {
        return (flags & Nl.IFF_UP) != 0;
    }

    /** IFF_PROMISC set on the link itself ({@code ip link set promisc on}). */
    public boolean isPromisc() {
        return (flags & Nl.IFF_PROMISC) != 0;
    }

    public boolean isLowerUp() {
        return (flags & Nl.IFF_LOWER_UP) != 0;
    }
}
