package io.berth.events.volume;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.volume.mount.failed}: the volume service could not mount a container's volumes; what it had
 * mounted for the container is released again ({@code volume.unmounted} for each {@code volume.mounted}).
 *
 * @param containerId the container
 * @param node        the node
 * @param volume      the volume that failed, or {@code null} when the request as a whole was refused
 * @param status      the HTTP status Docker answers with for this error, e.g. 400 for a bad subpath
 * @param message     Docker's message
 */
public record VolumeMountFailed(String containerId, String node, String volume, int status, String message)
    implements NodeScoped {
}
