package io.berth.volume.events;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.Mount;
import io.berth.events.container.VolumeOptions;
import io.berth.kit.errors.BerthException;
import io.berth.volume.VolumeController;
import io.berth.volume.VolumeController.Use;
import io.berth.volume.domain.Volume;
import io.berth.volume.domain.VolumeSpec;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to container lifecycle on {@code berth.container.events} for this node: on {@code created}, each volume
 * mount (named, anonymous, and the image's {@code VOLUME} paths) is created if missing and used — RefCount up, mounted
 * on first use, {@code io.berth.volume.mounted} with the host path; on {@code removed}, each is released and the
 * container's anonymous volumes are deleted when the event asks for it. Replays change nothing twice.
 */
public final class ContainerEventsConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEventsConsumer.class);
  public static final String CREATED = "io.berth.container.created";
  public static final String REMOVED = "io.berth.container.removed";

  private final VolumeController volumes;
  private final VolumeEvents events;

  public ContainerEventsConsumer(VolumeController volumes, VolumeEvents events) {
    this.volumes = volumes;
    this.events = events;
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
    if (!volumes.node().equals(c.node())) {
      return Future.succeededFuture();
    }
    List<Mount> wanted = new ArrayList<>();
    c.mounts().stream().filter(m -> m.type() == Mount.Type.VOLUME).forEach(wanted::add);
    c.anonymousVolumes().forEach(t -> wanted.add(new Mount(Mount.Type.VOLUME, null, t, false, null, null)));
    List<Use> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Mount m : wanted) {
      chain = chain.compose(x -> mountOne(c, m)).map(use -> {
        done.add(use);
        return null;
      });
    }
    return chain.recover(e -> {
      // The container cannot start without all its volumes: give back what this event took, then report.
      LOG.warn("volumes for container {} failed: {}", c.id(), e.getMessage());
      Future<Void> undo = Future.succeededFuture();
      for (Use u : done) {
        if (u.changed()) {
          undo = undo.compose(x -> volumes.release(u.volume().name(), c.id()).<Void>mapEmpty().otherwiseEmpty());
        }
      }
      return undo.compose(x -> Future.failedFuture(e));
    });
  }

  private Future<Use> mountOne(ContainerCreated c, Mount m) {
    String driver = m.volumeDriver() != null ? m.volumeDriver() : c.volumeDriver();
    VolumeOptions vo = m.volumeOptions();
    Future<Volume> volume = m.source() == null || m.source().isEmpty()
        ? volumes.createAnonymous(c.id(), m.target(), driver)
        : volumes.create(new VolumeSpec(m.source(), driver, vo == null ? null : vo.driverOpts(),
            vo == null ? null : vo.labels()), c.id());
    return volume.compose(v -> volumes.use(v.name(), c.id(), m.target())).compose(use -> {
      String hostPath = subpath(use.hostPath(), vo == null ? null : vo.subpath());
      return events.mounted(use.volume(), c.id(), hostPath, m.target()).map(use);
    });
  }

  private static String subpath(String hostPath, String sub) {
    if (sub == null || sub.isEmpty()) {
      return hostPath;
    }
    if (sub.startsWith("/") || List.of(sub.split("/")).contains("..")) {
      throw BerthException.invalid("subpath must be a relative path within the volume: %s", sub);
    }
    return hostPath + "/" + sub;
  }

  Future<Void> removed(ContainerRemoved r) {
    if (!volumes.node().equals(r.node())) {
      return Future.succeededFuture();
    }
    return volumes.usedBy(r.id()).compose(used -> {
      if (used.isEmpty()) {
        LOG.warn("container {} removed, but it uses no volume on {} (unknown container or already released)",
            r.id(), volumes.node());
        return Future.succeededFuture();
      }
      Future<Void> chain = Future.succeededFuture();
      for (Volume v : used) {
        chain = chain.compose(x -> volumes.release(v.name(), r.id())).compose(use -> {
          if (use == null) {
            return Future.succeededFuture();
          }
          Future<Void> published = events.unmounted(use.volume(), r.id(), use.hostPath(), use.target());
          boolean anonymousOfThisContainer = r.removeVolumes() && v.anonymous() && r.id().equals(v.createdBy());
          return anonymousOfThisContainer
              ? published.compose(x -> volumes.removeIfUnusedAnonymous(v.name())).mapEmpty()
              : published;
        });
      }
      return chain;
    });
  }
}
