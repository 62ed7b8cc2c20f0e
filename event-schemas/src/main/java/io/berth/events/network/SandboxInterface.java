package io.berth.events.network;

import java.util.List;

/**
 * An interface inside a sandbox.
 *
 * @param name    the interface name in the sandbox, e.g. {@code eth0}
 * @param network the network id it belongs to
 * @param mac     its MAC address
 * @param ipv4    IPv4 address with prefix, or {@code null}
 * @param ipv6    IPv6 address with prefix, or {@code null}
 * @param gateway the default gateway through it, or {@code null}
 * @param networkName the network's name, or {@code null} (optional)
 * @param aliases     extra DNS names on the network, or {@code null} (optional)
 * @param dnsEnabled  the network resolves container names, or {@code null} when not said (optional)
 */
public record SandboxInterface(String name, String network, String mac, String ipv4, String ipv6,
                               String gateway, String networkName, List<String> aliases, Boolean dnsEnabled) {
  /** Without the optional fields. */
  public SandboxInterface(String name, String network, String mac, String ipv4, String ipv6, String gateway) {
    this(name, network, mac, ipv4, ipv6, gateway, null, null, null);
  }
}
