package io.berth.testing.lab;

import java.net.InetAddress;

import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Netlink;

/** One lab host: a namespace with {@code eth0} on the underlay. */
public record LabHost(LabNetns lab, String name, NetnsHandle netns, Netlink netlink, InetAddress address) {
    /** The host's underlay interface. */
    public static final String UNDERLAY_IFACE = "eth0";

    public ExecResult exec(String... command) {
        return lab.exec(netns, command);
    }

    public Process start(String... command) {
        return lab.start(netns, command);
    }

    /** Another namespace "on" this host (e.g. a container's), named {@code <prefix>-<host>-<suffix>}. */
    public NetnsHandle newNetns(String suffix) {
        return lab.newNetns(name + "-" + suffix);
    }
}
