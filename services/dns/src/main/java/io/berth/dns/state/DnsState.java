package io.berth.dns.state;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;

/**
 * One entry of the resolver's durable state ({@code berth.dns.state}, map {@code berth.dns.records}): exactly one of
 * an endpoint, a container's settings or a network. Keys are {@code endpoint/<id>}, {@code container/<id>},
 * {@code network/<id>}.
 *
 * @param endpoint  an endpoint's names and addresses
 * @param container a container's resolver settings
 * @param network   a network's gateways
 */
public record DnsState(EndpointRecord endpoint, ContainerDns container, NetworkInfo network) {

  public static DnsState of(EndpointRecord e) {
    return new DnsState(e, null, null);
  }

  public static DnsState of(ContainerDns c) {
    return new DnsState(null, c, null);
  }

  public static DnsState of(NetworkInfo n) {
    return new DnsState(null, null, n);
  }

  public static String endpointKey(String id) {
    return "endpoint/" + id;
  }

  public static String containerKey(String id) {
    return "container/" + id;
  }

  public static String networkKey(String id) {
    return "network/" + id;
  }

  /** The map key this entry lives under. */
  public String key() {
    if (endpoint != null) {
      return endpointKey(endpoint.endpointId());
    }
    if (container != null) {
      return containerKey(container.containerId());
    }
    return networkKey(network.id());
  }
}
