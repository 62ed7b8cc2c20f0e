package io.berth.volume.events;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.Mount;
import io.berth.events.container.VolumeOptions;
import io.berth.volume.ContainerMounts;
import io.berth.volume.domain.MountRequest;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Container lifecycle on {@code berth.container.events}, for this node: {@code created} asks {@link ContainerMounts}
 * for each volume mount (named, anonymous, and the image's {@code VOLUME} paths), {@code removed} gives them back.
 */
public final class ContainerEventsConsumer {
  public static final String CREATED = "io.berth.container.created";
  public static final String REMOVED = "io.berth.container.removed";

  private final String node;
  private final ContainerMounts mounts;

  public ContainerEventsConsumer(String node, ContainerMounts mounts) {
    this.node = node;
    this.mounts = mounts;
  }

  /** The {@code EventHandler} for the subscription. */
  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case CREATED -> created(BerthEvents.data(event, ContainerCreated.class));
      case REMOVED -> removed(BerthEvents.data(event, ContainerRemoved.class));
      default -> Future.succeededFuture();
    };
  }

  Future<Void> created(ContainerCreated c) {
    if (!node.equals(c.node())) {
      return Future.succeededFuture();
    }
    return mounts.mountFor(c.id(), requests(c)).mapEmpty();
  }

  /** The volumes {@code c} asks for, in its order: its volume mounts, then the image's anonymous ones. */
  static List<MountRequest> requests(ContainerCreated c) {
    List<MountRequest> wanted = new ArrayList<>();
    for (Mount m : c.mounts()) {
      if (m.type() == Mount.Type.VOLUME) {
        String driver = m.volumeDriver() != null ? m.volumeDriver() : c.volumeDriver();
        VolumeOptions vo = m.volumeOptions();
        wanted.add(vo == null ? new MountRequest(m.source(), m.target(), driver, null, null, null)
            : new MountRequest(m.source(), m.target(), driver, vo.driverOpts(), vo.labels(), vo.subpath()));
      }
    }
    for (String target : c.anonymousVolumes()) {
      wanted.add(new MountRequest(null, target, c.volumeDriver(), null, null, null));
    }
    return wanted;
  }

  Future<Void> removed(ContainerRemoved r) {
    if (!node.equals(r.node())) {
      return Future.succeededFuture();
    }
    return mounts.releaseFor(r.id(), r.removeVolumes()).mapEmpty();
  }
}
