package io.berth.host.netlink;

/** A link to create: one record per kind, all sharing {@link LinkAttrs}. */
public sealed interface LinkSpec permits Bridge, Veth, Vxlan, Macvlan, Ipvlan, Vlan, GenericLink {
    LinkAttrs attrs();

    /** The kernel's {@code IFLA_INFO_KIND}. */
    String kind();

    default String name() {
        return attrs().name();
    }
}
