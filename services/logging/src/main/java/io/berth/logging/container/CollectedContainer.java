package io.berth.logging.container;

import io.berth.events.container.ContainerCreated;

/**
 * What the logging service keeps per container in {@code berth.logging.state} (map {@code berth.logging.containers}),
 * so a restarted service reattaches to the FIFOs and log files of the containers of its node.
 *
 * @param id      the container id
 * @param node    the node that collects its output
 * @param created the container as its producer announced it
 * @param stopped whether it is stopped (followers end at once)
 */
public record CollectedContainer(String id, String node, ContainerCreated created, boolean stopped) {
}
