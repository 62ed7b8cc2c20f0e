package io.berth.network.domain;

import java.util.Map;

/**
 * One address pool of a network, as Docker's {@code IPAM.Config[]} entry.
 *
 * @param subnet       CIDR
 * @param ipRange      sub-range containers are allocated from, or {@code null} = the whole subnet
 * @param gateway      gateway address, or {@code null}
 * @param auxAddresses reserved addresses by name ({@code --aux-address})
 */
public record IpamConfig(String subnet, String ipRange, String gateway, Map<String, String> auxAddresses)
    implements java.io.Serializable {
  public IpamConfig {
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  public boolean v6() {
    return subnet != null && subnet.contains(":");
  }
}
