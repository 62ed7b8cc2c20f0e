package io.berth.events.logging;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.logging.lines.dropped}: lines of a container were lost (non-blocking mode with a full
 * buffer, or a sink that stayed down).
 *
 * @param containerId the container
 * @param node        the node
 * @param count       how many lines since the last such event
 * @param reason      why, e.g. {@code buffer-full}, {@code sink-unavailable}
 */
public record LogLinesDropped(String containerId, String node, long count, String reason) implements NodeScoped {
}
