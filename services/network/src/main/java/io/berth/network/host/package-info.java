/**
 * What touches the Linux host, through host-native only, behind interfaces: {@code HostNetwork} (the node's
 * namespace: bridges, links, prefixes), {@code SandboxHost} (libnetwork's {@code osl.Sandbox}: namespaces and veths),
 * {@code Firewall} ({@code NftablesFirewall}, table {@code inet berth}; {@code NoFirewall}, netavark's {@code fwnone}),
 * spare namespaces, and the generated nftables rules.
 */
package io.berth.network.host;
