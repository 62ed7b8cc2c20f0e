package io.berth.host.netlink;

import java.net.InetAddress;

/**
 * A bridge forwarding-database entry. {@code master} false = on the device itself ({@code self}, e.g. a VXLAN
 * device's remote VTEP {@code dst}); true = in the bridge the port belongs to. Equivalent to:
 * {@code bridge fdb add|append MAC dev DEV [dst IP] [self|master] [permanent|static]}.
 */
public record FdbEntry(String dev, String mac, InetAddress dst, boolean master, boolean permanent) {
    public static final String ALL_ZEROS = "00:00:00:00:00:00";

    public FdbEntry {
        Mac.parse(mac);
    }

    /** {@code bridge fdb append 00:00:00:00:00:00 dev VXLAN dst VTEP}: flood (BUM) traffic to that VTEP. */
    public static FdbEntry floodTo(String vxlanDev, InetAddress vtep) {
        return new FdbEntry(vxlanDev, ALL_ZEROS, vtep, false, true);
    }

    /** {@code bridge fdb add MAC dev VXLAN dst VTEP self permanent}. */
    public static FdbEntry remote(String vxlanDev, String mac, InetAddress vtep) {
        return new FdbEntry(vxlanDev, mac, vtep, false, true);
    }

    /** {@code bridge fdb add MAC dev PORT master static}. */
    public static FdbEntry onBridgePort(String port, String mac) {
        return new FdbEntry(port, mac, null, true, false);
    }
}
