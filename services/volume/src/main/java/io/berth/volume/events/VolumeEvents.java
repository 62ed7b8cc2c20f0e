package io.berth.volume.events;

import io.berth.events.BerthEvents;
import io.berth.events.volume.VolumeCreated;
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
 * Publishes the volume facts on {@code berth.volume.events}, keyed by volume name. A publish failure is logged, not
 * returned: the change it reports is already durable in the state store.
 */
public final class VolumeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(VolumeEvents.class);

  private final EventBus bus;
  private final String source;

  public VolumeEvents(EventBus bus, String node) {
    this.bus = bus;
    this.source = "urn:berth:node:" + node + ":volume";
  }

  public Future<Void> created(Volume v) {
    return publish("io.berth.volume.created", v.name(), new VolumeCreated(v.name(), v.driver(), v.node(),
        absoluteOrNull(v.mountpoint()), v.createdAt(), v.labels(), v.options(), v.anonymous()));
  }

  public Future<Void> removed(Volume v) {
    return publish("io.berth.volume.removed", v.name(), new VolumeRemoved(v.name(), v.driver(), v.node()));
  }

  public Future<Void> mounted(Volume v, String containerId, String hostPath, String target) {
    return publish("io.berth.volume.mounted", v.name(), new VolumeMounted(v.name(), v.driver(), v.node(), containerId,
        hostPath, target, v.refCount()));
  }

  public Future<Void> unmounted(Volume v, String containerId, String hostPath, String target) {
    return publish("io.berth.volume.unmounted", v.name(), new VolumeUnmounted(v.name(), v.driver(), v.node(),
        containerId, hostPath, target, v.refCount()));
  }

  public Future<Void> pruned(String node, List<String> names, long reclaimed) {
    return publish("io.berth.volume.pruned", node, new VolumesPruned(node, names, reclaimed));
  }

  private Future<Void> publish(String type, String key, Record data) {
    try {
      return bus.publish(BerthEvents.create(type, source, key, data))
          .recover(e -> {
            LOG.warn("publishing {} for {} failed: {}", type, key, e.getMessage());
            return Future.succeededFuture();
          });
    } catch (IllegalArgumentException e) {
      // e.g. a caller id that is not a container id: the fact stays in the state store and the log
      LOG.warn("not publishing {} for {}: {}", type, key, e.getMessage());
      return Future.succeededFuture();
    }
  }

  private static String absoluteOrNull(String path) {
    return path != null && path.startsWith("/") ? path : null;
  }
}
