package io.berth.events.network;

/**
 * An interface inside a sandbox.
 *
 * @param name    the interface name in the sandbox, e.g. {@code eth0}
 * @param network the network id it belongs to
 * @param mac     its MAC address
 * @param ipv4    IPv4 address with prefix, or {@code null}
 * @param ipv6    IPv6 address with prefix, or {@code null}
 * @param gateway the default gateway through it, or {@code null}
 */
public record SandboxInterface(String name, String network, String mac, String ipv4, String ipv6,
                               String gateway) {
}
