package io.berth.events.volume;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.volume.unmounted}: a container released a volume.
 *
 * @param name        the volume name
 * @param driver      its driver
 * @param node        the node
 * @param containerId the container
 * @param hostPath    the host path bound into the container
 * @param target      the path inside the container
 * @param refCount    how many containers still use it
 */
public record VolumeUnmounted(String name, String driver, String node, String containerId, String hostPath,
                             String target, int refCount) implements NodeScoped {
}
