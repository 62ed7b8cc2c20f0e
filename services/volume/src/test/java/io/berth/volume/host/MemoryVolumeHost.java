package io.berth.volume.host;

import io.berth.kit.errors.BerthException;
import io.berth.volume.domain.LocalOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The host of the {@code local} driver in memory: folders, files, images and mounts are entries in sets. */
public final class MemoryVolumeHost implements VolumeHost {
  private final Set<Path> dirs = ConcurrentHashMap.newKeySet();
  private final Map<Path, String> files = new ConcurrentHashMap<>();
  private final Map<Path, LocalOptions> mounts = new ConcurrentHashMap<>();
  private final Set<Path> failingMounts = ConcurrentHashMap.newKeySet();
  /** Every mount and unmount, in order ({@code "mount <data>"}, {@code "umount <data>"}). */
  public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

  /** The next mounts on {@code data} fail as a kernel refusal would. */
  public void failMountsOn(Path data) {
    failingMounts.add(data);
  }

  public Set<Path> mounted() {
    return Set.copyOf(mounts.keySet());
  }

  public boolean exists(Path p) {
    return dirs.contains(p) || files.containsKey(p);
  }

  @Override
  public void createDirectories(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      dirs.add(p);
    }
  }

  @Override
  public void writeString(Path file, String text) {
    files.put(file, text);
  }

  @Override
  public void deleteTree(Path dir) {
    dirs.removeIf(p -> p.startsWith(dir));
    files.keySet().removeIf(p -> p.startsWith(dir));
  }

  @Override
  public boolean isDirectory(Path dir) {
    return dirs.contains(dir);
  }

  @Override
  public List<String> volumeFolders(Path root, String data) {
    return dirs.stream().filter(p -> root.equals(p.getParent()) && dirs.contains(p.resolve(data)))
        .map(p -> p.getFileName().toString()).sorted().toList();
  }

  @Override
  public void createImage(Path image, long size) {
    files.put(image, "ext4 image of " + size + " bytes");
  }

  @Override
  public void mount(LocalOptions opts, Path volumeDir, Path data) {
    if (mounts.containsKey(data)) {
      return;
    }
    if (failingMounts.contains(data)) {
      throw new BerthException.Internal(String.format(
          "error while mounting volume '%s': failed to mount local volume: mount %s: no such device", data, data));
    }
    mounts.put(data, opts);
    calls.add("mount " + data);
  }

  @Override
  public void unmount(Path data) {
    if (mounts.remove(data) != null) {
      calls.add("umount " + data);
    }
  }

  @Override
  public boolean isMounted(Path data) {
    return mounts.containsKey(data);
  }

  @Override
  public long usage(Path dir) {
    return 0;
  }
}
