package io.berth.events.container;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.container.started}: the container's process runs.
 *
 * @param id   the container id
 * @param node the node that runs it
 * @param pid  the host pid of its first process, when the producer knows it
 */
public record ContainerStarted(String id, String node, Integer pid) implements NodeScoped {
}
