package io.berth.events.container;

import io.berth.events.Defaults;
import java.util.List;
import java.util.Map;

/**
 * A network a container joins ({@code --network}, {@code docker network connect}).
 *
 * @param network     the network name or id ({@code default} = the node's default network)
 * @param aliases     extra DNS names on this network ({@code --network-alias})
 * @param ipv4Address requested IPv4 address ({@code --ip}); {@code null} = allocate
 * @param ipv6Address requested IPv6 address ({@code --ip6}); {@code null} = allocate
 * @param macAddress  requested MAC address; {@code null} = generate
 * @param driverOpts  endpoint options for the network driver
 */
public record NetworkAttachment(String network, List<String> aliases, String ipv4Address, String ipv6Address,
                                String macAddress, Map<String, String> driverOpts) {

  public NetworkAttachment {
    aliases = Defaults.list(aliases);
    driverOpts = Defaults.map(driverOpts);
  }
}
