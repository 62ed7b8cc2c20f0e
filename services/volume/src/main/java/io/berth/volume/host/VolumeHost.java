package io.berth.volume.host;

import io.berth.volume.domain.LocalOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code local} driver asks of the host: the volume folders, {@code mount(2)} of type/device/o volumes, ext4
 * images for {@code size}, and disk usage. {@link LinuxVolumeHost} does it on the machine; tests use an in-memory one,
 * so the driver and the controller above it run without root. Every method may block: call it through
 * {@code HostOps}.
 */
public interface VolumeHost {
  /** The image file of a sized volume, kept beside {@code _data}. */
  String IMAGE = "disk.ext4";

  /** {@code mkdir -p DIR}. */
  void createDirectories(Path dir);

  /** Writes {@code text} to {@code file} (the volume's {@code opts.json}). */
  void writeString(Path file, String text);

  /** {@code rm -r DIR} without following symlinks and without crossing into a mount left on it; gone is fine. */
  void deleteTree(Path dir);

  /** Whether {@code dir} is a directory. */
  boolean isDirectory(Path dir);

  /** Names of the folders directly under {@code root} that hold a {@code _data} folder, sorted. */
  List<String> volumeFolders(Path root, String data);

  /**
   * A sparse file of {@code size} bytes with an ext4 file system on it. Equivalent to:
   * {@code truncate -s SIZE FILE && mkfs.ext4 -q -F -m 0 FILE}. Nothing is left when it fails.
   */
  void createImage(Path image, long size);

  /**
   * Mounts a volume's file system on its {@code _data} directory: the ext4 image through a loop device when it has a
   * size, else {@code mount -t TYPE -o O DEVICE DATA}. A failure leaves no mount and no loop device, and comes back
   * with the kernel's reason. Mounting an already mounted volume does nothing.
   */
  void mount(LocalOptions opts, Path volumeDir, Path data);

  /**
   * Unmounts {@code data} (and detaches the loop device under it); unmounting what is not mounted does nothing.
   * Equivalent to: {@code umount DATA; losetup -d LOOP}.
   */
  void unmount(Path data);

  /** Whether something is mounted on {@code data}. */
  boolean isMounted(Path data);

  /** Bytes used under {@code dir} (what {@code du} counts as file sizes), 0 when it is gone. */
  long usage(Path dir);
}
