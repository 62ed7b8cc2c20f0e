package io.berth.events.volume;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.volume.mounted}: a volume was mounted into a container.
 *
 * @param name        the volume name
 * @param driver      its driver
 * @param node        the node
 * @param containerId the container
 * @param hostPath    the host path bound into the container
 * @param target      the path inside the container
 * @param refCount    how many containers use it now, this one included
 */
public record VolumeMounted(String name, String driver, String node, String containerId, String hostPath,
                          String target, int refCount) implements NodeScoped {
}
