package io.berth.network.domain;

import java.util.List;
import java.util.Map;

/**
 * A CNM endpoint: joins one sandbox to one network. Addresses are reserved before the host is touched and kept
 * while the endpoint exists.
 *
 * @param id            64 hex
 * @param networkId     its network
 * @param networkName   its network's name
 * @param containerId   the container whose sandbox it joins
 * @param containerName the container's name
 * @param node          the node
 * @param ifName        the interface name in the sandbox ({@code eth0}, {@code eth1}, ...)
 * @param hostIf        the host end ({@code vb<hash>}), or {@code null} for drivers without one
 * @param mac           MAC address of the sandbox interface
 * @param ipv4          IPv4 address with prefix, or {@code null}
 * @param ipv6          IPv6 address with prefix, or {@code null}
 * @param gateway4      the network's IPv4 gateway, or {@code null}
 * @param gateway6      the network's IPv6 gateway, or {@code null}
 * @param aliases       extra DNS names on the network
 * @param mtu           interface MTU (0 = default)
 * @param sysctls       per-interface sysctls set in the sandbox ({@code com.docker.network.endpoint.sysctls})
 */
public record Endpoint(String id, String networkId, String networkName, String containerId, String containerName,
                       String node, String ifName, String hostIf, String mac, String ipv4, String ipv6,
                       String gateway4, String gateway6, List<String> aliases, int mtu,
                       Map<String, String> sysctls) {
  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
  }

  /** The IPv4 address without its prefix length, or {@code null}. */
  public String ipv4Address() {
    return ipv4 == null ? null : ipv4.substring(0, ipv4.indexOf('/'));
  }

  public String ipv6Address() {
    return ipv6 == null ? null : ipv6.substring(0, ipv6.indexOf('/'));
  }
}
