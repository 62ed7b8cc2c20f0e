package io.berth.dns.state;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.domain.SandboxReadiness;

/**
 * One entry of the resolver's durable state ({@code berth.dns.state}, map {@code berth.dns.records}): exactly one of
 * an endpoint, a container's settings, a network or a ready sandbox. Keys are {@code endpoint/<id>},
 * {@code container/<id>}, {@code network/<id>}, {@code sandbox/<container id>}.
 *
 * @param endpoint  an endpoint's names and addresses
 * @param container a container's resolver settings
 * @param network   a network's gateways
 * @param sandbox   a container whose sandbox is ready (kept so that a restarted node still knows its files are due)
 */
public record DnsState(EndpointRecord endpoint, ContainerDns container, NetworkInfo network,
                       SandboxReadiness sandbox) {

  public static DnsState of(EndpointRecord e) {
    return new DnsState(e, null, null, null);
  }

  public static DnsState of(ContainerDns c) {
    return new DnsState(null, c, null, null);
  }

  public static DnsState of(NetworkInfo n) {
    return new DnsState(null, null, n, null);
  }

  public static DnsState of(SandboxReadiness s) {
    return new DnsState(null, null, null, s);
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

  public static String sandboxKey(String containerId) {
    return "sandbox/" + containerId;
  }

  /** The map key this entry lives under. */
  public String key() {
    if (endpoint != null) {
      return endpointKey(endpoint.endpointId());
    }
    if (container != null) {
      return containerKey(container.containerId());
    }
    if (sandbox != null) {
      return sandboxKey(sandbox.containerId());
    }
    return networkKey(network.id());
  }
}
