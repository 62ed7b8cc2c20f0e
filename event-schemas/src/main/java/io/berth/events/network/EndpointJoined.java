package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.network.endpoint.joined}: a container joined a network through an endpoint.
 *
 * @param endpointId    64-hex endpoint id
 * @param networkId     the network id
 * @param networkName   the network name
 * @param containerId   the container
 * @param containerName the container name (its DNS name on the network)
 * @param aliases       extra DNS names on the network
 * @param ipv4          IPv4 address with prefix, or {@code null}
 * @param ipv6          IPv6 address with prefix, or {@code null}
 * @param mac           the MAC address
 * @param node          the node
 * @param dnsEnabled    the network resolves container names (user-defined networks; not the default bridge)
 */
public record EndpointJoined(String endpointId, String networkId, String networkName, String containerId,
                             String containerName, List<String> aliases, String ipv4, String ipv6, String mac,
                             String node, boolean dnsEnabled) implements NodeScoped {

  public EndpointJoined {
    aliases = Defaults.list(aliases);
  }
}
