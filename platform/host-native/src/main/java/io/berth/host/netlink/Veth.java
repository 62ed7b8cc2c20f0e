package io.berth.host.netlink;

import java.nio.file.Path;

/**
 * A veth pair; the peer is created directly in {@code peerNetns} (a netns file such as {@code /run/berth/netns/X} or
 * {@link io.berth.host.NetnsHandle#path()}) when given, else next to this end.
 * Equivalent to: {@code ip link add NAME type veth peer name PEER [netns PATH]}.
 */
public record Veth(LinkAttrs attrs, String peerName, Path peerNetns) implements LinkSpec {
    public Veth {
        LinkAttrs.named(peerName); // validates the peer name
    }

    public static Veth of(String name, String peerName) {
        return new Veth(LinkAttrs.named(name), peerName, null);
    }

    public Veth with(LinkAttrs a) {
        return new Veth(a, peerName, peerNetns);
    }

    public Veth withPeerNetns(Path netns) {
        return new Veth(attrs, peerName, netns);
    }

    @Override
    public String kind() {
        return "veth";
    }
}
