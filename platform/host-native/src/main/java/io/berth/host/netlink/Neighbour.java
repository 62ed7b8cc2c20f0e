package io.berth.host.netlink;

import java.net.InetAddress;

/** An ARP/NDP entry ({@code ip neigh}); {@code permanent} for static ones. */
public record Neighbour(int linkIndex, InetAddress ip, String mac, int state) {
    public boolean isPermanent() {
        return (state & Nl.NUD_PERMANENT) != 0;
    }
}
