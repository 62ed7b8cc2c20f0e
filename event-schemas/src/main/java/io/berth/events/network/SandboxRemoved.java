package io.berth.events.network;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.network.sandbox.removed}: a container's sandbox and its endpoints are gone.
 *
 * @param containerId the container
 * @param sandboxKey  the network namespace path it had
 * @param node        the node
 */
public record SandboxRemoved(String containerId, String sandboxKey, String node) implements NodeScoped {
}
