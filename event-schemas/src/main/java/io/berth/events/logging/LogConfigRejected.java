package io.berth.events.logging;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.logging.config.rejected}: a container's log configuration was refused at create, as dockerd
 * refuses it; nothing is collected for the container and its logs endpoint answers 400 with the same message.
 *
 * @param containerId the container
 * @param node        the node
 * @param driver      the log driver the configuration named (after the daemon default was applied)
 * @param message     Docker's message, e.g. {@code unknown log opt 'x' for json-file log driver}
 */
public record LogConfigRejected(String containerId, String node, String driver, String message) implements NodeScoped {
}
