package io.berth.events.container;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.container.stopped}: the container's process exited.
 *
 * @param id       the container id
 * @param node     the node that ran it
 * @param exitCode its exit status (128 + signal when killed)
 */
public record ContainerStopped(String id, String node, int exitCode) implements NodeScoped {
}
