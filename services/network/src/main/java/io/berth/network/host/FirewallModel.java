package io.berth.network.host;

import java.util.List;

/** What the firewall is generated from: the bridge networks and the published ports of this node. */
public final class FirewallModel {
  private FirewallModel() {}

  /**
   * A bridge network's policy.
   *
   * @param bridge     the bridge device
   * @param subnet4    IPv4 subnet or null
   * @param subnet6    IPv6 subnet or null
   * @param internal   no traffic leaves or enters the network
   * @param icc        containers on the network reach each other
   * @param masquerade NAT the subnet to the outside
   */
  public record Net(String bridge, String subnet4, String subnet6, boolean internal, boolean icc, boolean masquerade) {}

  /**
   * A published port: {@code hostIp:hostPort/protocol} → {@code containerIp:containerPort}.
   * {@code hostIp} {@code 0.0.0.0} / {@code ::} = every local address of the family.
   */
  public record Port(String protocol, String hostIp, int hostPort, String containerIp, int containerPort) {
    boolean v6() {
      return containerIp.contains(":");
    }

    boolean wildcard() {
      return hostIp.equals("0.0.0.0") || hostIp.equals("::");
    }
  }

  /** Everything, in a stable order (the generator sorts nothing itself). */
  public record Snapshot(List<Net> nets, List<Port> ports) {}
}
