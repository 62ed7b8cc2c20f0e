package io.berth.volume.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.testing.lab.LabNetns;
import io.berth.volume.domain.LocalOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real mounts of the local driver: tmpfs, bind, sized ext4 images; nothing is left mounted or attached. */
@Tag("host")
class VolumeHostIT {
  @TempDir Path dir;
  final VolumeHost host = new LinuxVolumeHost();
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    LabNetns.requireRoot("mounts");
    data = Files.createDirectories(dir.resolve("vol/_data"));
  }

  @AfterEach
  void noMountOrLoopLeft() throws IOException {
    List<String> left = mountsUnder(dir);
    for (String line : left) { // clean up before failing, so one failure does not leak into the next test
      Path mp = Path.of(line.split(" ")[4]);
      new ProcessBuilder("umount", "-l", mp.toString()).start();
    }
    assertEquals(List.of(), left, "mounts left under " + dir);
    assertFalse(loopsBackedBy(dir), "a loop device still uses an image under " + dir);
  }

  static List<String> mountsUnder(Path dir) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(l -> l.split(" ")[4].startsWith(dir.toString())).toList();
  }

  static boolean loopsBackedBy(Path dir) throws IOException {
    try (var blocks = Files.list(Path.of("/sys/block"))) {
      return blocks.filter(b -> b.getFileName().toString().startsWith("loop"))
          .map(b -> b.resolve("loop/backing_file"))
          .filter(Files::exists)
          .anyMatch(f -> {
            try {
              return Files.readString(f).strip().startsWith(dir.toString());
            } catch (IOException e) {
              return false;
            }
          });
    }
  }

  /** Writes {@code mb} MiB; returns the IOException message when the file system says no. */
  static String write(Path file, int mb) {
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mb; i++) {
        out.write(chunk);
      }
      out.flush();
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  @Test
  void tmpfsSizeIsEnforcedAndUnmountLeavesNothing() {
    LocalOptions opts = LocalOptions.parse(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=2m,uid=1000"));
    host.mount(opts, dir.resolve("vol"), data);
    assertTrue(host.isMounted(data));
    String err = write(data.resolve("big"), 4);
    assertTrue(err != null && err.contains("No space left on device"), String.valueOf(err));
    host.unmount(data);
    assertFalse(host.isMounted(data));
  }

  @Test
  void bindShowsTheDeviceDirectory() throws IOException {
    Path src = Files.createDirectories(dir.resolve("srv"));
    Files.writeString(src.resolve("hello"), "hi");
    host.mount(LocalOptions.parse(Map.of("type", "none", "o", "bind", "device", src.toString())), dir.resolve("vol"), data);
    assertEquals("hi", Files.readString(data.resolve("hello")));
    Files.writeString(data.resolve("back"), "yes");
    assertEquals("yes", Files.readString(src.resolve("back")));
    host.unmount(data);
    assertFalse(Files.exists(data.resolve("hello")));
  }

  @Test
  void sizeImageFailsWritesPastItsSizeWithEnospc() {
    Path volDir = dir.resolve("vol");
    host.createImage(volDir.resolve(VolumeHost.IMAGE), 8L << 20);
    host.mount(LocalOptions.parse(Map.of("size", "8m")), volDir, data);
    assertTrue(host.isMounted(data));
    assertEquals(null, write(data.resolve("small"), 2));
    String err = write(data.resolve("big"), 16);
    assertTrue(err != null && err.contains("No space left on device"), String.valueOf(err));
    host.unmount(data);
    assertFalse(host.isMounted(data));
  }

  @Test
  void aFailedMountLeavesNoMountAndSaysWhy() {
    LocalOptions bad = LocalOptions.parse(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=bogus"));
    var e = assertThrows(BerthException.Internal.class, () -> host.mount(bad, dir.resolve("vol"), data));
    assertTrue(e.getMessage().contains("EINVAL (Invalid argument)"), e.getMessage());
    assertTrue(e.getMessage().startsWith("error while mounting volume '" + data + "'"), e.getMessage());
    LocalOptions noFs = LocalOptions.parse(Map.of("type", "nosuchfs", "device", "x"));
    assertThrows(BerthException.Internal.class, () -> host.mount(noFs, dir.resolve("vol"), data));
    assertFalse(host.isMounted(data));
  }

  @Test
  void aFailedImageMountDetachesItsLoopDevice() throws IOException {
    Path volDir = dir.resolve("vol");
    Files.write(volDir.resolve(VolumeHost.IMAGE), new byte[1 << 20]); // zeros: no file system on it
    assertThrows(BerthException.Internal.class, () -> host.mount(LocalOptions.parse(Map.of("size", "1m")), volDir, data));
    assertFalse(host.isMounted(data));
  }

  @Test
  void usageCountsFileBytes() throws IOException {
    Files.write(data.resolve("a"), new byte[1000]);
    Files.createDirectories(data.resolve("sub"));
    Files.write(data.resolve("sub/b"), new byte[24]);
    assertEquals(1024, host.usage(data));
    assertEquals(0, host.usage(dir.resolve("gone")));
  }
}
