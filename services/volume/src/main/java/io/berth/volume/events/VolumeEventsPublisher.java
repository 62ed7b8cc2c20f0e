package io.berth.volume.events;

import io.berth.events.BerthEvents;
import io.berth.events.volume.VolumeCreated;
import io.berth.events.volume.VolumeMountFailed;
import io.berth.events.volume.VolumeMounted;
import io.berth.events.volume.VolumeRemoved;
import io.berth.events.volume.VolumeUnmounted;
import io.berth.events.volume.VolumesPruned;
import io.berth.kit.events.EventBus;
import io.berth.volume.domain.Volume;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the volume facts on {@code berth.volume.events}, keyed by volume name (a failed mount by container id). A
 * publish failure is logged, not returned: the change it reports is already durable in the state store.
 */
public final class VolumeEventsPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeEventsPublisher.class);

  private final EventBus bus;
  private final String node;
  private final String source;

  public VolumeEventsPublisher(EventBus bus, String node) {
    this.bus = bus;
    this.node = node;
    this.source = "urn:berth:node:" + node + ":volume";
  }

  public Future<Void> created(Volume v) {
    return publish(v.name(), new VolumeCreated(v.name(), v.driver(), v.node(), absoluteOrNull(v.mountpoint()),
        v.createdAt(), v.labels(), v.options(), v.anonymous()));
  }

  public Future<Void> removed(Volume v) {
    return publish(v.name(), new VolumeRemoved(v.name(), v.driver(), v.node()));
  }

  public Future<Void> mounted(Volume v, String containerId, String hostPath, String target) {
    return publish(v.name(), new VolumeMounted(v.name(), v.driver(), v.node(), containerId, hostPath, target,
        v.refCount()));
  }

  public Future<Void> unmounted(Volume v, String containerId, String hostPath, String target) {
    return publish(v.name(), new VolumeUnmounted(v.name(), v.driver(), v.node(), containerId, hostPath, target,
        v.refCount()));
  }

  /** The container's volumes could not be mounted: whoever waits for them stops waiting. */
  public Future<Void> mountFailed(String containerId, String volume, int status, String message) {
    return publish(containerId, new VolumeMountFailed(containerId, node, volume, status, message));
  }

  public Future<Void> pruned(List<String> names, long reclaimed) {
    return publish(node, new VolumesPruned(node, names, reclaimed));
  }

  private Future<Void> publish(String key, Record data) {
    try {
      return bus.publish(BerthEvents.create(source, key, data))
          .recover(e -> {
            LOG.warn("publishing {} for {} failed: {}", data.getClass().getSimpleName(), key, e.getMessage());
            return Future.succeededFuture();
          });
    } catch (IllegalArgumentException e) {
      // e.g. a caller id that is not a container id: the fact stays in the state store and the log
      LOG.warn("not publishing {} for {}: {}", data.getClass().getSimpleName(), key, e.getMessage());
      return Future.succeededFuture();
    }
  }

  private static String absoluteOrNull(String path) {
    return path != null && path.startsWith("/") ? path : null;
  }
}
