package io.berth.volume.host;

import io.berth.host.Mounts;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Splits a {@code mount -o} option string into {@code mount(2)} flags and the file-system data string, as
 * {@code mount(8)} and moby's {@code mount.parseOptions} do: {@code o=bind} must become {@code MS_BIND}, not data.
 *
 * @param flags the {@code mountflags} argument
 * @param data  what is left for the file system, or null
 */
public record MountOptions(long flags, String data) {
  private static final long MS_SYNCHRONOUS = 16;
  private static final long MS_MANDLOCK = 64;
  private static final long MS_DIRSYNC = 128;
  private static final long MS_NOATIME = 1024;
  private static final long MS_NODIRATIME = 2048;
  private static final long MS_RELATIME = 1 << 21;
  private static final long MS_STRICTATIME = 1 << 24;

  /** Options that set a flag. */
  private static final Map<String, Long> SET = Map.ofEntries(
      Map.entry("ro", Mounts.RDONLY), Map.entry("nosuid", Mounts.NOSUID), Map.entry("nodev", Mounts.NODEV),
      Map.entry("noexec", Mounts.NOEXEC), Map.entry("sync", MS_SYNCHRONOUS), Map.entry("dirsync", MS_DIRSYNC),
      Map.entry("mand", MS_MANDLOCK), Map.entry("noatime", MS_NOATIME), Map.entry("nodiratime", MS_NODIRATIME),
      Map.entry("relatime", MS_RELATIME), Map.entry("strictatime", MS_STRICTATIME), Map.entry("bind", Mounts.BIND),
      Map.entry("rbind", Mounts.BIND | Mounts.REC), Map.entry("remount", Mounts.REMOUNT));
  /** Options that clear a flag. */
  private static final Map<String, Long> CLEAR = Map.ofEntries(
      Map.entry("rw", Mounts.RDONLY), Map.entry("suid", Mounts.NOSUID), Map.entry("dev", Mounts.NODEV),
      Map.entry("exec", Mounts.NOEXEC), Map.entry("async", MS_SYNCHRONOUS), Map.entry("nomand", MS_MANDLOCK),
      Map.entry("atime", MS_NOATIME), Map.entry("diratime", MS_NODIRATIME), Map.entry("norelatime", MS_RELATIME));

  public static MountOptions parse(String o) {
    long flags = 0;
    StringJoiner data = new StringJoiner(",");
    if (o != null) {
      for (String opt : o.split(",")) {
        if (opt.isEmpty() || "defaults".equals(opt)) {
          continue;
        }
        if (SET.containsKey(opt)) {
          flags |= SET.get(opt);
        } else if (CLEAR.containsKey(opt)) {
          flags &= ~CLEAR.get(opt);
        } else {
          data.add(opt);
        }
      }
    }
    return new MountOptions(flags, data.length() == 0 ? null : data.toString());
  }

  public boolean bind() {
    return (flags & Mounts.BIND) != 0;
  }
}
