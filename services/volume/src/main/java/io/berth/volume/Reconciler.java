package io.berth.volume;

import io.berth.volume.domain.LocalOptions;
import io.berth.volume.domain.Volume;
import io.berth.volume.driver.LocalDriver;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the disk in line with the state store when the service starts: a known local volume whose folder is missing
 * is recreated (and reported); a folder with {@code _data} that no volume owns is reported and left alone (it may be
 * someone's data); mounts follow the RefCounts (mounted while used, not mounted when unused).
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final VolumeController volumes;
  private final LocalDriver local;

  Reconciler(VolumeController volumes, LocalDriver local) {
    this.volumes = volumes;
    this.local = local;
  }

  /**
   * What a reconciliation found.
   *
   * @param recreated volumes whose folder was missing and was made again
   * @param orphans   folders under the volumes directory that no volume owns
   */
  public record Report(List<String> recreated, List<String> orphans) {
  }

  Future<Report> run() {
    return volumes.list(Volume::localDriver).compose(known -> {
      List<String> recreated = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Volume v : known) {
        chain = chain.compose(x -> local.hasData(v.name())).compose(present -> {
          if (present) {
            return Future.succeededFuture();
          }
          LOG.warn("volume {} has no folder {}; recreating it", v.name(), local.dataPath(v.name()));
          recreated.add(v.name());
          return local.restore(v.name(), v.options()).mapEmpty();
        }).compose(x -> syncMount(v));
      }
      return chain.compose(x -> local.folders()).map(folders -> {
        Set<String> names = known.stream().map(Volume::name).collect(Collectors.toSet());
        List<String> orphans = folders.stream().filter(n -> !names.contains(n)).toList();
        orphans.forEach(o -> LOG.warn("folder {} holds volume data but no volume {} exists; leaving it in place",
            local.dir(o), o));
        return new Report(recreated, orphans);
      });
    });
  }

  private Future<Void> syncMount(Volume v) {
    if (!LocalOptions.parse(v.options()).mountsOnUse()) {
      return Future.succeededFuture();
    }
    return local.mounted(v.name()).compose(mounted -> {
      if (v.inUse() && !mounted) {
        LOG.info("remounting volume {} used by {}", v.name(), v.users().keySet());
        return local.mount(v.name(), v.options(), "reconcile", true).mapEmpty();
      }
      if (!v.inUse() && mounted) {
        LOG.info("unmounting unused volume {}", v.name());
        return local.unmount(v.name(), v.options(), "reconcile", true);
      }
      return Future.succeededFuture();
    }).recover(e -> {
      LOG.warn("reconciling the mount of volume {} failed: {}", v.name(), e.getMessage());
      return Future.succeededFuture();
    });
  }
}
