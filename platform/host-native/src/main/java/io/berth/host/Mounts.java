package io.berth.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.berth.host.internal.LibC;
import io.berth.host.internal.Native;
import io.berth.host.internal.Statfs;

/**
 * Mounts in the mount namespace of the process (a JVM cannot move a thread into another mount namespace: that is a
 * child process's job). All calls block: run them off the event loop.
 */
public final class Mounts {
    public static final long RDONLY = Native.MS_RDONLY;
    public static final long NOSUID = Native.MS_NOSUID;
    public static final long NODEV = Native.MS_NODEV;
    public static final long NOEXEC = Native.MS_NOEXEC;
    public static final long REMOUNT = Native.MS_REMOUNT;
    public static final long BIND = Native.MS_BIND;
    public static final long REC = Native.MS_REC;
    public static final long PRIVATE = Native.MS_PRIVATE;
    public static final long SHARED = Native.MS_SHARED;

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Mounts() {
    }

    /**
     * Generic {@code mount(2)}, e.g. for the local volume driver's {@code type}/{@code device}/{@code o} options.
     * Equivalent to: {@code mount -t TYPE -o DATA SOURCE TARGET}.
     */
    public static void mount(String source, Path target, String type, long flags, String data) {
        String op = "mount" + (type != null ? " -t " + type : "") + (data != null ? " -o " + data : "") + " " + source
                + " " + target;
        Check.mount(Native.libc().mount(source, target.toString(), type, flags, data), op);
    }

    /**
     * Bind-mounts {@code source} on {@code target}, optionally recursive and read-only (a read-only bind needs a
     * second remount, done here). Equivalent to: {@code mount --bind|--rbind [-o ro] SOURCE TARGET}.
     */
    public static void bind(Path source, Path target, boolean recursive, boolean readOnly) {
        long flags = Native.MS_BIND | (recursive ? Native.MS_REC : 0);
        String op = "mount --" + (recursive ? "rbind" : "bind") + " " + source + " " + target;
        LibC c = Native.libc();
        Check.mount(c.mount(source.toString(), target.toString(), null, flags, null), op);
        if (readOnly) {
            int rc = c.mount(null, target.toString(), null, Native.MS_BIND | Native.MS_REMOUNT | Native.MS_RDONLY, null);
            if (rc < 0) {
                int errno = Native.errno();
                c.umount2(target.toString(), Native.MNT_DETACH); // nothing left half-made
                throw new MountException("mount -o remount,bind,ro " + target, errno, null);
            }
        }
    }

    /**
     * Mounts a tmpfs with options such as {@code size=16m,mode=0755,uid=1000}.
     * Equivalent to: {@code mount -t tmpfs -o OPTIONS tmpfs TARGET}.
     */
    public static void tmpfs(Path target, Map<String, String> options) {
        StringJoiner data = new StringJoiner(",");
        options.forEach((k, v) -> data.add(v == null || v.isEmpty() ? k : k + "=" + v));
        mount("tmpfs", target, "tmpfs", 0, data.length() == 0 ? null : data.toString());
    }

    /** Equivalent to: {@code umount TARGET}. */
    public static void umount(Path target) {
        Check.mount(Native.libc().umount2(target.toString(), 0), "umount " + target);
    }

    /**
     * Lazy and/or forced unmount. Equivalent to: {@code umount [-l] [-f] TARGET}.
     */
    public static void umount(Path target, boolean lazy, boolean force) {
        int flags = (lazy ? Native.MNT_DETACH : 0) | (force ? Native.MNT_FORCE : 0);
        Check.mount(Native.libc().umount2(target.toString(), flags),
                "umount" + (lazy ? " -l" : "") + (force ? " -f" : "") + " " + target);
    }

    /** Sizes and type of the file system holding {@code path}. Equivalent to: {@code stat -f PATH} / {@code df}. */
    public static FsStats statfs(Path path) {
        Statfs s = Native.newStatfs();
        Check.mount(Native.libc().statfs(path.toString(), s), "stat -f " + path);
        long bsize = s.f_bsize.get();
        return new FsStats(s.f_type.get(), bsize, s.f_blocks.get() * bsize, s.f_bfree.get() * bsize,
                s.f_bavail.get() * bsize, s.f_files.get(), s.f_ffree.get(), s.f_flags.get());
    }

    /** The mount table of this process's mount namespace. Equivalent to: {@code findmnt --list}. */
    public static List<MountInfo> list() {
        try {
            return Files.readAllLines(MOUNTINFO).stream().filter(l -> !l.isBlank()).map(MountInfo::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topmost mount at exactly {@code path}, if it is a mount point. Equivalent to: {@code findmnt PATH}. */
    public static Optional<MountInfo> find(Path path) {
        Path p = path.toAbsolutePath().normalize();
        MountInfo found = null;
        for (MountInfo m : list()) {
            if (m.mountPoint().equals(p)) {
                found = m; // later lines are stacked on top
            }
        }
        return Optional.ofNullable(found);
    }

    /** Equivalent to: {@code mountpoint -q PATH}. */
    public static boolean isMountPoint(Path path) {
        return find(path).isPresent();
    }
}
