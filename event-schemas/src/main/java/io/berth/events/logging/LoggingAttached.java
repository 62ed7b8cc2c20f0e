package io.berth.events.logging;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.logging.container.attached}: berth collects a container's output.
 *
 * @param containerId the container
 * @param node        the node
 * @param stdoutPath  the FIFO or file read for stdout
 * @param stderrPath  the FIFO or file read for stderr, or {@code null} with a tty
 * @param driver      the log driver in effect, e.g. {@code json-file}
 */
public record LoggingAttached(String containerId, String node, String stdoutPath, String stderrPath,
                              String driver) implements NodeScoped {
}
