package io.berth.events.volume;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.volume.removed}: a volume and its data are gone.
 *
 * @param name   the volume name
 * @param driver its driver
 * @param node   the node that held it
 */
public record VolumeRemoved(String name, String driver, String node) implements NodeScoped {
}
