package io.berth.volume.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.Mount;
import io.berth.events.container.VolumeOptions;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.EventRouter;
import io.berth.volume.ContainerMounts;
import io.berth.volume.MountRefused;
import io.berth.volume.domain.MountRequest;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Container lifecycle on {@code berth.container.events}, for this node: {@code created} asks {@link ContainerMounts}
 * for each volume mount (named, anonymous, and the image's {@code VOLUME} paths), {@code removed} gives them back. A
 * mount refused for a container is published as {@code io.berth.volume.mount.failed} and the event is handled (not
 * dead-lettered); a transient failure fails the event, so the bus retries it.
 */
public final class ContainerEventsConsumer {
  private final ContainerMounts mounts;
  private final VolumeEventsPublisher events;
  private final EventRouter router;

  public ContainerEventsConsumer(String node, ContainerMounts mounts, VolumeEventsPublisher events) {
    this.mounts = mounts;
    this.events = events;
    this.router = EventRouter.forNode(node)
        .on(ContainerCreated.class, this::created)
        .on(ContainerRemoved.class, this::removed);
  }

  /** The handler for the subscription. */
  public EventHandler handler() {
    return router;
  }

  Future<Void> created(ContainerCreated c) {
    return mounts.mountFor(c.id(), requests(c)).<Void>mapEmpty().recover(e -> e instanceof MountRefused refused
        ? events.mountFailed(c.id(), refused.volume(), refused.status(), refused.getMessage())
        : Future.failedFuture(e));
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
    return mounts.releaseFor(r.id(), r.removeVolumes()).mapEmpty();
  }
}
