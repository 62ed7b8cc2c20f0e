package io.berth.testing.lab;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.IpPrefix;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Veth;

/**
 * A multi-host topology: N "host" namespaces, each with {@code eth0} joined by a veth to the underlay bridge
 * {@code ul0} inside the lab namespace, with an underlay address ({@code 192.0.2.11}, {@code .12}, ... in
 * {@code 192.0.2.0/24}, a documentation range). No host gets a default route: nothing can reach the outside world.
 *
 * <pre>{@code
 * Lab lab = labNetns.lab().hosts(2).build();
 * lab.host(0).exec("busybox", "ping", "-c1", lab.host(1).address().getHostAddress());
 * }</pre>
 *
 * Removed with its {@link LabNetns}.
 */
public final class Lab {
    public static final String UNDERLAY_BRIDGE = "ul0";

    private final LabNetns lab;
    private final List<LabHost> hosts;
    private final IpPrefix underlay;

    private Lab(LabNetns lab, List<LabHost> hosts, IpPrefix underlay) {
        this.lab = lab;
        this.hosts = List.copyOf(hosts);
        this.underlay = underlay;
    }

    public List<LabHost> hosts() {
        return hosts;
    }

    public LabHost host(int i) {
        return hosts.get(i);
    }

    /** The namespace holding the underlay bridge. */
    public NetnsHandle underlayNetns() {
        return lab.netns();
    }

    public IpPrefix underlay() {
        return underlay;
    }

    /** A builder; see {@link LabNetns#lab()}. */
    public static final class Builder {
        private final LabNetns lab;
        private int count = 2;
        private String subnet = "192.0.2.0/24";
        private int firstHost = 11;
        private int mtu = 1500;

        Builder(LabNetns lab) {
            this.lab = lab;
        }

        public Builder hosts(int n) {
            if (n < 1 || n > 200) {
                throw new IllegalArgumentException("1..200 hosts");
            }
            this.count = n;
            return this;
        }

        /** An IPv4 /24 for the underlay; hosts get {@code .11}, {@code .12}, ... */
        public Builder underlay(String ipv4Slash24) {
            IpPrefix p = IpPrefix.parse(ipv4Slash24);
            if (!p.isIpv4() || p.length() != 24) {
                throw new IllegalArgumentException("underlay must be an IPv4 /24: " + ipv4Slash24);
            }
            this.subnet = ipv4Slash24;
            return this;
        }

        public Builder mtu(int value) {
            this.mtu = value;
            return this;
        }

        public Lab build() {
            IpPrefix net = IpPrefix.parse(subnet);
            byte[] base = net.address().getAddress();
            Netlink nl = lab.netlink();
            if (nl.find(UNDERLAY_BRIDGE).isEmpty()) {
                nl.add(Bridge.of(UNDERLAY_BRIDGE).with(LinkAttrs.named(UNDERLAY_BRIDGE).withMtu(mtu).withUp(true)));
            }
            List<LabHost> hosts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "h" + (i + 1);
                NetnsHandle ns = lab.newNetns(name);
                nl.add(new Veth(LinkAttrs.named(name).withMtu(mtu).withMaster(UNDERLAY_BRIDGE).withUp(true), "eth0",
                        ns.path()));
                byte[] a = base.clone();
                a[3] = (byte) (firstHost + i);
                InetAddress addr;
                try {
                    addr = InetAddress.getByAddress(a);
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
                Netlink hnl = lab.netlink(ns);
                hnl.addAddress("eth0", new IpPrefix(addr, 24));
                hnl.setUp("eth0");
                hosts.add(new LabHost(lab, name, ns, hnl, addr));
            }
            return new Lab(lab, hosts, new IpPrefix(net.address(), 24));
        }
    }
}
