package io.berth.network.fakes;

import io.berth.network.host.Firewall;
import io.berth.network.host.FirewallModel;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A firewall in memory: what it would enforce, and failures on demand. */
public final class MemoryFirewall implements Firewall {
  public final Map<String, FirewallModel.Net> nets = new ConcurrentHashMap<>();
  public final Map<String, List<FirewallModel.Port>> ports = new ConcurrentHashMap<>();
  /** The next putNetwork / removeNetwork / putPorts fails with this message (null = succeeds). */
  public volatile String failPutNetwork;
  public volatile String failRemoveNetwork;
  public volatile String failPutPorts;

  @Override
  public Future<Void> putNetwork(String networkId, FirewallModel.Net net) {
    if (failPutNetwork != null) {
      return Future.failedFuture(new IllegalStateException(failPutNetwork));
    }
    nets.put(networkId, net);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> removeNetwork(String networkId) {
    if (failRemoveNetwork != null) {
      return Future.failedFuture(new IllegalStateException(failRemoveNetwork));
    }
    nets.remove(networkId);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> putPorts(String containerId, List<FirewallModel.Port> list) {
    if (failPutPorts != null && !list.isEmpty()) {
      return Future.failedFuture(new IllegalStateException(failPutPorts));
    }
    if (list.isEmpty()) {
      ports.remove(containerId);
    } else {
      ports.put(containerId, List.copyOf(list));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> sync() {
    return Future.succeededFuture();
  }
}
