package io.berth.volume.host;

import io.berth.host.HostException;
import io.berth.host.LoopDevices;
import io.berth.host.MountInfo;
import io.berth.host.Mounts;
import io.berth.kit.errors.BerthException;
import io.berth.volume.domain.LocalOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host work of the {@code local} driver on Linux, through host-native only: {@code mount(2)} of type/device/o
 * volumes, ext4 images on loop devices for {@code size}, unmounts that leave nothing behind, the volume folders and
 * disk usage. Every method blocks; call it through {@code HostOps}.
 */
public final class LinuxVolumeHost implements VolumeHost {
  private static final Logger LOG = LoggerFactory.getLogger(LinuxVolumeHost.class);

  @Override
  public void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BerthException.Internal("mkdir " + dir + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void writeString(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new BerthException.Internal("writing " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new BerthException.Internal("removing " + dir + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isDirectory(Path dir) {
    return Files.isDirectory(dir);
  }

  @Override
  public List<String> volumeFolders(Path root, String data) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve(data)))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      LOG.warn("listing {} failed: {}", root, e.getMessage());
      return List.of();
    }
  }

  @Override
  public void createImage(Path image, long size) {
    try {
      try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
        f.setLength(size);
      }
      Process p = new ProcessBuilder("mkfs.ext4", "-q", "-F", "-m", "0", "-E", "nodiscard", image.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new BerthException.Internal("mkfs.ext4 " + image + " failed: " + out);
      }
    } catch (IOException e) {
      deleteQuietly(image);
      throw new BerthException.Internal("creating the size image " + image + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteQuietly(image);
      throw new BerthException.Internal("interrupted while formatting " + image);
    } catch (RuntimeException e) {
      deleteQuietly(image);
      throw e;
    }
  }

  @Override
  public void mount(LocalOptions opts, Path volumeDir, Path data) {
    if (isMounted(data)) {
      return;
    }
    try {
      if (opts.sized()) {
        mountImage(volumeDir.resolve(IMAGE), data);
      } else {
        MountOptions mo = MountOptions.parse(opts.o());
        Mounts.mount(opts.device(), data, opts.type(), mo.flags(), mo.data());
      }
    } catch (HostException e) {
      throw new BerthException.Internal(String.format("error while mounting volume '%s': failed to mount local volume: %s",
          data, e.getMessage()), e);
    }
  }

  private void mountImage(Path image, Path data) {
    Path loop = LoopDevices.attach(image, false);
    try {
      Mounts.mount(loop.toString(), data, "ext4", 0, null);
    } catch (HostException e) {
      detachQuietly(loop);
      throw e;
    }
    // The loop device stays attached while mounted; unmount() detaches it.
  }

  @Override
  public void unmount(Path data) {
    Optional<MountInfo> m = Mounts.find(data);
    if (m.isEmpty()) {
      return;
    }
    String source = m.get().source();
    try {
      Mounts.umount(data);
    } catch (HostException e) {
      LOG.warn("umount {} failed ({}); detaching it lazily", data, e.getMessage());
      Mounts.umount(data, true, false);
    }
    if (source.startsWith("/dev/loop")) {
      detachQuietly(Path.of(source));
    }
  }

  @Override
  public boolean isMounted(Path data) {
    return Mounts.isMountPoint(data);
  }

  @Override
  public long usage(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static void detachQuietly(Path loop) {
    try {
      LoopDevices.detach(loop);
    } catch (HostException e) {
      LOG.warn("losetup -d {} failed: {}", loop, e.getMessage());
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the caller reports the real failure
    }
  }
}
