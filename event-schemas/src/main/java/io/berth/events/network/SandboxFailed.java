package io.berth.events.network;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.network.sandbox.failed}: the network service could not set up a container's sandbox, and left
 * nothing of it on the host. Whoever waits for {@code sandbox.ready} stops waiting and reports {@code message}.
 *
 * @param containerId the container
 * @param node        the node
 * @param status      the HTTP status Docker answers with for this error, e.g. 404 for a missing network
 * @param message     Docker's message, e.g. {@code network localnet not found}
 */
public record SandboxFailed(String containerId, String node, int status, String message) implements NodeScoped {
}
