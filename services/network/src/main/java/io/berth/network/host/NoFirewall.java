package io.berth.network.host;

import io.vertx.core.Future;
import java.util.List;

/**
 * A firewall that enforces nothing (netavark's {@code fwnone}): for hosts where another tool owns the packet filter.
 * Networks then have no isolation, masquerade or published ports; every change succeeds at once.
 */
public final class NoFirewall implements Firewall {
  @Override
  public Future<Void> putNetwork(String networkId, FirewallModel.Net net) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> removeNetwork(String networkId) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> putPorts(String containerId, List<FirewallModel.Port> ports) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> sync() {
    return Future.succeededFuture();
  }
}
