package io.berth.events.container;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.container.removed}: the container is gone; berth releases its sandbox, endpoints, mounts and
 * log collection.
 *
 * @param id            the container id
 * @param node          the node that ran it
 * @param removeVolumes also remove its anonymous volumes ({@code docker rm -v}, {@code --rm})
 */
public record ContainerRemoved(String id, String node, boolean removeVolumes) implements NodeScoped {
}
