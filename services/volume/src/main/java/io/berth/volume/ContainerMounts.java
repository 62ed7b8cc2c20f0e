package io.berth.volume;

import io.berth.kit.events.Retriable;
import io.berth.volume.VolumeController.Use;
import io.berth.volume.domain.MountRequest;
import io.berth.volume.domain.Volume;
import io.berth.volume.events.VolumeEventsPublisher;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's volumes, as {@code io.berth.container.created} and {@code removed} ask. Mounting checks every request
 * before the first volume is touched (names, subpaths, drivers, options), then creates each missing volume and uses
 * it (RefCount up, mounted on first use, {@code volume.mounted} with the host path). Should one fail, what this
 * container took is given back, each {@code volume.mounted} already out is followed by its {@code volume.unmounted},
 * and the failure is a {@link MountRefused} (or, for a transient one, the error itself, to be retried). Replays
 * change nothing twice.
 */
public final class ContainerMounts {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerMounts.class);

  private final VolumeController volumes;
  private final VolumeEventsPublisher events;

  public ContainerMounts(VolumeController volumes, VolumeEventsPublisher events) {
    this.volumes = volumes;
    this.events = events;
  }

  /** Mounts all of {@code wanted} for {@code containerId}, or none of them. */
  public Future<List<Use>> mountFor(String containerId, List<MountRequest> wanted) {
    return validate(containerId, wanted).compose(ok -> {
      List<Taken> taken = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (MountRequest m : wanted) {
        chain = chain.compose(x -> refused(m.volumeName(containerId), mountOne(containerId, m)).map(t -> {
          taken.add(t);
          return null;
        }));
      }
      return chain.map(x -> taken.stream().map(Taken::use).toList())
          .recover(e -> undo(containerId, taken, e));
    });
  }

  private Future<Void> validate(String containerId, List<MountRequest> wanted) {
    Future<Void> chain = Future.succeededFuture();
    for (MountRequest m : wanted) {
      String name = m.volumeName(containerId);
      chain = chain.compose(x -> {
        try {
          m.validate();
        } catch (RuntimeException e) {
          return refused(name, Future.<Void>failedFuture(e));
        }
        return refused(name, volumes.checkCreate(name, m.driver(), m.options()).<Void>mapEmpty());
      });
    }
    return chain;
  }

  /** A failure of {@code volume} becomes a {@link MountRefused}, unless a retry may cure it. */
  private static <T> Future<T> refused(String volume, Future<T> step) {
    return step.recover(e -> Future.failedFuture(Retriable.isRetriable(e) ? e : new MountRefused(volume, e)));
  }

  private Future<Taken> mountOne(String containerId, MountRequest m) {
    Future<Volume> volume = m.anonymous()
        ? volumes.createAnonymous(containerId, m.target(), m.driver())
        : volumes.create(m.spec(), containerId);
    return volume.compose(v -> volumes.use(v.name(), containerId, m.target())).compose(use -> {
      String hostPath = m.hostPath(use.hostPath());
      return events.mounted(use.volume(), containerId, hostPath, m.target()).map(new Taken(use, hostPath, m.target()));
    });
  }

  /** Gives back, newest first, what this event took; volumes a replay found already counted stay as they were. */
  private Future<List<Use>> undo(String containerId, List<Taken> taken, Throwable cause) {
    LOG.warn("volumes for container {} failed: {}", containerId, cause.getMessage());
    Future<Void> chain = Future.succeededFuture();
    for (int i = taken.size() - 1; i >= 0; i--) {
      Taken t = taken.get(i);
      if (!t.use().changed()) {
        continue;
      }
      String name = t.use().volume().name();
      chain = chain.compose(x -> volumes.release(name, containerId)
          .compose(released -> released == null ? Future.<Void>succeededFuture()
              : events.unmounted(released.volume(), containerId, t.hostPath(), t.target()))
          .recover(e -> {
            LOG.warn("giving back volume {} of container {} failed: {}", name, containerId, e.getMessage());
            return Future.succeededFuture();
          }));
    }
    return chain.compose(x -> Future.failedFuture(cause));
  }

  /**
   * Releases every volume {@code containerId} uses on this node ({@code volume.unmounted} each), and removes its
   * anonymous volumes when {@code removeAnonymous} ({@code docker rm -v}, {@code --rm}). Completes with how many it
   * released.
   */
  public Future<Integer> releaseFor(String containerId, boolean removeAnonymous) {
    return volumes.usedBy(containerId).compose(used -> {
      if (used.isEmpty()) {
        LOG.debug("container {} removed, but it uses no volume on {} (none, unknown, or already released)",
            containerId, volumes.node());
        return Future.succeededFuture(0);
      }
      Future<Void> chain = Future.succeededFuture();
      for (Volume v : used) {
        chain = chain.compose(x -> volumes.release(v.name(), containerId)).compose(use -> {
          if (use == null) {
            return Future.succeededFuture();
          }
          Future<Void> published = events.unmounted(use.volume(), containerId, use.hostPath(), use.target());
          boolean anonymousOfThisContainer = removeAnonymous && v.anonymous() && containerId.equals(v.createdBy());
          return anonymousOfThisContainer
              ? published.compose(x -> volumes.removeIfUnusedAnonymous(v.name())).mapEmpty()
              : published;
        });
      }
      return chain.map(used.size());
    });
  }

  /** A use this event made, with what its {@code volume.mounted} said. */
  private record Taken(Use use, String hostPath, String target) {
  }
}
