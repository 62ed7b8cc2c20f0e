/**
 * rtnetlink: the {@link io.berth.host.netlink.Netlink} facade, link kinds as records sharing
 * {@link io.berth.host.netlink.LinkAttrs} (like vishvananda/netlink), and one package-private codec class per message
 * family ({@code LinkMessages}, {@code AddressMessages}, {@code RouteMessages}, {@code NeighbourMessages}) over
 * {@code NlRequest}/{@code NlAttrs}. Host byte order, 4-byte alignment; the only big-endian fields are the VXLAN port
 * and VLAN protocol, and addresses are in network order. Calls block: see {@code io.berth.host}.
 */
package io.berth.host.netlink;
