package io.berth.volume.driver;

import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.volume.domain.LocalOptions;
import io.berth.volume.domain.Volume;
import io.berth.volume.host.VolumeHost;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code local} driver: {@code <data-root>/volumes/<name>/_data}, its options in {@code opts.json} beside it,
 * and for volumes with options a mount on {@code _data} while containers use it.
 */
public final class LocalDriver implements VolumeDriver {
  public static final String DATA = "_data";
  public static final String OPTS = "opts.json";

  private final Path root;
  private final HostOps hostOps;
  private final VolumeHost host;

  /** @param root the volumes directory, {@code <data-root>/volumes} */
  public LocalDriver(Path root, HostOps hostOps, VolumeHost host) {
    this.root = root;
    this.hostOps = hostOps;
    this.host = host;
  }

  @Override
  public String name() {
    return Volume.LOCAL;
  }

  public Path root() {
    return root;
  }

  public Path dir(String name) {
    return root.resolve(name);
  }

  public Path dataPath(String name) {
    return dir(name).resolve(DATA);
  }

  @Override
  public void validate(Map<String, String> opts) {
    LocalOptions.parse(opts);
  }

  @Override
  public Future<String> create(String name, Map<String, String> opts) {
    LocalOptions lo = LocalOptions.parse(opts);
    return hostOps.run("volume create " + name, () -> {
      Path dir = dir(name);
      try {
        host.createDirectories(dataPath(name));
        if (!opts.isEmpty()) {
          host.writeString(dir.resolve(OPTS), Json.encode(opts));
        }
        if (lo.sized()) {
          host.createImage(dir.resolve(VolumeHost.IMAGE), lo.size());
        }
      } catch (RuntimeException e) {
        host.deleteTree(dir);
        throw e instanceof BerthException be ? be
            : new BerthException.Internal("create " + name + ": " + e.getMessage(), e);
      }
      return dataPath(name).toString();
    });
  }

  /** Recreates {@code _data} (and the image of a sized volume) of a known volume whose folder went missing. */
  public Future<String> restore(String name, Map<String, String> opts) {
    return create(name, opts);
  }

  @Override
  public Future<Void> remove(String name, Map<String, String> opts) {
    return hostOps.run("volume rm " + name, () -> {
      host.unmount(dataPath(name));
      host.deleteTree(dir(name));
    });
  }

  @Override
  public Future<String> mount(String name, Map<String, String> opts, String callerId, boolean first) {
    LocalOptions lo = LocalOptions.parse(opts);
    if (!lo.mountsOnUse()) {
      return Future.succeededFuture(dataPath(name).toString());
    }
    return hostOps.run("volume mount " + name, () -> {
      host.mount(lo, dir(name), dataPath(name));
      return dataPath(name).toString();
    });
  }

  @Override
  public Future<Void> unmount(String name, Map<String, String> opts, String callerId, boolean last) {
    if (!last || !LocalOptions.parse(opts).mountsOnUse()) {
      return Future.succeededFuture();
    }
    return hostOps.run("volume unmount " + name, () -> host.unmount(dataPath(name)));
  }

  /** Whether the volume's file system is mounted now. */
  public Future<Boolean> mounted(String name) {
    return hostOps.run("volume mountpoint " + name, () -> host.isMounted(dataPath(name)));
  }

  @Override
  public Future<Long> size(String name) {
    return hostOps.run("volume du " + name, () -> host.usage(dataPath(name)));
  }

  /** Whether the volume's folder {@code _data} is there. */
  public Future<Boolean> hasData(String name) {
    return hostOps.run("volume folder " + name, () -> host.isDirectory(dataPath(name)));
  }

  /** Folders under the volumes directory that hold volume data, sorted by name. */
  public Future<List<String>> folders() {
    return hostOps.run("volume folders", () -> host.volumeFolders(root, DATA));
  }
}
