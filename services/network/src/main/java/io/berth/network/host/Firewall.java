package io.berth.network.host;

import io.vertx.core.Future;
import java.util.List;

/**
 * The node's firewall, as the bridge driver and port publishing see it (libnetwork's firewaller, netavark's
 * {@code FirewallDriver}): the networks' policies and the containers' published ports it must enforce. Each change
 * completes once it is in effect on the host. Backends: {@link NftablesFirewall} (the table {@code inet berth}) and
 * {@link NoFirewall} (enforces nothing, netavark's {@code fwnone}). Thread-safe.
 */
public interface Firewall {
  /** Adds or replaces a network's policy (keyed by network id) and applies. */
  Future<Void> putNetwork(String networkId, FirewallModel.Net net);

  /** Removes a network's policy and applies. */
  Future<Void> removeNetwork(String networkId);

  /** Sets a container's published ports (empty = none) and applies. */
  Future<Void> putPorts(String containerId, List<FirewallModel.Port> ports);

  /** Removes a container's published ports and applies. */
  default Future<Void> removePorts(String containerId) {
    return putPorts(containerId, List.of());
  }

  /** Applies the current state; completes once an apply that started after this call finished. */
  Future<Void> sync();
}
