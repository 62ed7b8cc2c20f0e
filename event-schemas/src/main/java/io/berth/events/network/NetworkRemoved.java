package io.berth.events.network;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.network.network.removed}: a network is gone.
 *
 * @param id     the network id
 * @param name   the network name
 * @param driver its driver
 * @param scope  local or swarm
 * @param node   the node that removed it
 */
public record NetworkRemoved(String id, String name, String driver, NetworkScope scope, String node) implements NodeScoped {
}
