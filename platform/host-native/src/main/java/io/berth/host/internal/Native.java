package io.berth.host.internal;

import jnr.ffi.LibraryLoader;

/** Lazily loaded native libraries and the constants the facades share. */
public final class Native {
    public static final int CLONE_NEWNS = 0x20000;
    public static final int CLONE_FS = 0x200;
    public static final int CLONE_NEWNET = 0x40000000;

    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_CLOEXEC = 02000000;

    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_REMOUNT = 32;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1 << 18;
    public static final long MS_SHARED = 1 << 20;

    public static final int MNT_FORCE = 1;
    public static final int MNT_DETACH = 2;

    private static final long SYS_GETTID_X86_64 = 186;
    private static final long SYS_GETTID_AARCH64 = 178;

    private Native() {
    }

    private static final class C {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);
    }

    private static final class Nft {
        static final LibNftables LIB = LibraryLoader.create(LibNftables.class).load("nftables");
    }

    public static LibC libc() {
        return C.LIBC;
    }

    public static jnr.ffi.Runtime runtime() {
        return C.RUNTIME;
    }

    /** errno of the last call on this thread. */
    public static int errno() {
        return C.RUNTIME.getLastError();
    }

    public static LibNftables nftables() {
        return Nft.LIB;
    }

    public static Statfs newStatfs() {
        return new Statfs(C.RUNTIME);
    }

    public static long gettid() {
        String arch = System.getProperty("os.arch");
        return libc().syscall("aarch64".equals(arch) ? SYS_GETTID_AARCH64 : SYS_GETTID_X86_64);
    }
}
