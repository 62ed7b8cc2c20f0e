package io.berth.network.host;

import java.nio.file.Path;
import java.util.Map;

/**
 * What joining a sandbox to a bridge through a veth pair needs.
 *
 * @param hostIf       host end name ({@code vb<hash>})
 * @param bridge       the bridge it is enslaved to
 * @param sandboxKey   the sandbox namespace file
 * @param ifName       the sandbox end name ({@code eth0})
 * @param mac          the sandbox end's MAC
 * @param mtu          MTU of both ends (0 = kernel default)
 * @param ipv4         address with prefix, or null
 * @param ipv6         address with prefix, or null
 * @param gateway4     default route via this, or null for none
 * @param gateway6     IPv6 default route via this, or null
 * @param sysctls      per-interface sysctls for the sandbox end ({@code IFNAME} already substituted)
 */
public record VethJoin(String hostIf, String bridge, Path sandboxKey, String ifName, String mac, int mtu, String ipv4,
                       String ipv6, String gateway4, String gateway6, Map<String, String> sysctls) {
  public VethJoin {
    sysctls = sysctls == null ? Map.of() : Map.copyOf(sysctls);
  }
}
