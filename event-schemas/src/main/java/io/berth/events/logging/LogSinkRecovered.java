package io.berth.events.logging;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.logging.sink.recovered}: a log driver's destination accepts lines again.
 *
 * @param containerId the container whose driver recovered
 * @param node        the node
 * @param driver      the log driver, e.g. {@code syslog}
 * @param downMillis  how long it was unavailable
 */
public record LogSinkRecovered(String containerId, String node, String driver, long downMillis) implements NodeScoped {
}
