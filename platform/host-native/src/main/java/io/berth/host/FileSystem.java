package io.berth.host;

import java.nio.file.Path;

import io.berth.host.internal.Native;

/** The few file-system calls services need and {@code java.nio.file} lacks. Blocking. */
public final class FileSystem {
    private FileSystem() {
    }

    /** Equivalent to: {@code mkfifo -m MODE PATH} (mode is still masked by the umask). */
    public static void mkfifo(Path path, int mode) {
        Check.host(Native.libc().mkfifo(path.toString(), mode), "mkfifo -m " + Integer.toOctalString(mode) + " " + path);
    }

    /** Equivalent to: {@code chown UID:GID PATH} ({@code -1} keeps the current value). */
    public static void chown(Path path, int uid, int gid) {
        Check.host(Native.libc().chown(path.toString(), uid, gid), "chown " + uid + ":" + gid + " " + path);
    }

    /** Equivalent to: {@code chown -h UID:GID PATH} (changes a symlink itself). */
    public static void lchown(Path path, int uid, int gid) {
        Check.host(Native.libc().lchown(path.toString(), uid, gid), "chown -h " + uid + ":" + gid + " " + path);
    }
}
