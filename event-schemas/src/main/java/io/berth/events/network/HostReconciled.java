package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.network.host.reconciled}: at start the node compared the host with the cluster state.
 *
 * @param node      the node
 * @param removed   host objects berth had made that nothing owns any more, e.g. {@code link br-0a1b2c3d4e5f}
 * @param recreated host objects that were missing and were made again, e.g. {@code nft table inet berth}
 */
public record HostReconciled(String node, List<String> removed, List<String> recreated) implements NodeScoped {

  public HostReconciled {
    removed = Defaults.list(removed);
    recreated = Defaults.list(recreated);
  }
}
