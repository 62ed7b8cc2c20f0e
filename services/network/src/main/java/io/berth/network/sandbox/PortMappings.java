package io.berth.network.sandbox;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.PortRequest;
import io.berth.network.host.FirewallModel;
import java.util.ArrayList;
import java.util.List;

/** Port requests turned into publications on a container's address, and publications into firewall entries. */
public final class PortMappings {
  private PortMappings() {}

  /** The publications in effect: request {@code i} got host port {@code hostPorts[i]}, aimed at the gateway endpoint. */
  public static List<PortMapping> of(List<PortRequest> requests, int[] hostPorts, Endpoint gateway) {
    List<PortMapping> out = new ArrayList<>();
    if (gateway == null) {
      return out;
    }
    for (int i = 0; i < requests.size(); i++) {
      PortRequest r = requests.get(i);
      String target = r.v6() ? gateway.ipv6Address() : gateway.ipv4Address();
      if (target != null) {
        out.add(new PortMapping(r.protocol(), r.containerPort(), r.hostIp(), hostPorts[i], target));
      }
    }
    return out;
  }

  /** The firewall entries of publications. */
  public static List<FirewallModel.Port> rules(List<PortMapping> mapped) {
    return mapped.stream().map(m -> new FirewallModel.Port(m.protocol(), m.hostIp(), m.hostPort(), m.containerIp(),
        m.containerPort())).toList();
  }
}
