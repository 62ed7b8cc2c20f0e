package io.berth.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.berth.host.internal.LibC;
import io.berth.host.internal.Native;

/**
 * Persistent named network namespaces under a run directory, made the way {@code ip netns add} makes them: a file in the
 * run directory with the namespace bind-mounted on it. berth uses {@code <exec-root>/netns} (default
 * {@code /run/berth/netns}); tests use a private directory so that files left by others never get in the way.
 *
 * <p>All calls block (a few milliseconds): run them off the event loop.
 */
public final class Namespaces {
    /** berth's default: {@code /run/berth/netns}. */
    public static final Path DEFAULT_RUN_DIR = Path.of("/run/berth/netns");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]{0,254}");

    private final Path runDir;
    private volatile boolean runDirMounted;
    private volatile boolean runDirReady;

    public Namespaces(Path runDir) {
        this.runDir = runDir.toAbsolutePath().normalize();
    }

    public static Namespaces atDefaultRunDir() {
        return new Namespaces(DEFAULT_RUN_DIR);
    }

    public Path runDir() {
        return runDir;
    }

    /** The file a namespace of that name is (or would be) bound on. */
    public Path path(String name) {
        checkName(name);
        return runDir.resolve(name);
    }

    /**
     * Creates a new, empty network namespace and pins it at {@code runDir/name}.
     * Equivalent to: {@code ip netns add NAME} (with {@code runDir} in place of {@code /run/netns}).
     *
     * @throws HostException EEXIST if the name is taken; the run directory is left as it was on any failure
     */
    public Path create(String name) {
        Path file = path(name);
        ensureRunDir();
        LibC c = Native.libc();
        String op = "ip netns add " + name;
        int fd = c.open(file.toString(), Native.O_RDONLY | Native.O_CREAT | Native.O_EXCL | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException(op, Native.errno(), null);
        }
        c.close(fd);
        AtomicReference<HostException> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            // A fresh thread that dies afterwards: its netns never leaks into a pool.
            if (c.unshare(Native.CLONE_NEWNET) < 0) {
                failure.set(new HostException(op + " (unshare)", Native.errno(), null));
                return;
            }
            if (c.mount("/proc/thread-self/ns/net", file.toString(), "none", Native.MS_BIND, null) < 0) {
                failure.set(new HostException(op + " (bind mount)", Native.errno(), null));
            }
        }, "netns-create-" + name);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(op, Errno.EINTR, "interrupted");
        }
        if (failure.get() != null) {
            c.unlink(file.toString());
            throw failure.get();
        }
        return file;
    }

    /**
     * Pins the namespace that is pinned at {@code pinned} (another run directory's file, e.g. a namespace made ahead of
     * time) under {@code name} here, then unpins and removes {@code pinned}: the namespace keeps everything already
     * set up in it. Equivalent to: {@code ip netns attach NAME} of the old pin followed by {@code ip netns delete} of
     * it; a few microseconds instead of a new namespace's milliseconds.
     *
     * @throws HostException EEXIST if the name is taken, ENOENT if nothing is pinned at {@code pinned}; on any failure
     *                       {@code pinned} is left as it was and nothing is pinned under {@code name}
     */
    public Path adopt(Path pinned, String name) {
        Path file = path(name);
        ensureRunDir();
        LibC c = Native.libc();
        String op = "ip netns attach " + name + " " + pinned;
        int fd = c.open(file.toString(), Native.O_RDONLY | Native.O_CREAT | Native.O_EXCL | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException(op, Native.errno(), null);
        }
        c.close(fd);
        if (c.mount(pinned.toString(), file.toString(), "none", Native.MS_BIND, null) < 0) {
            int errno = Native.errno();
            c.unlink(file.toString());
            throw new HostException(op, errno, null);
        }
        // the new pin holds the namespace now: dropping the old one cannot free it
        c.umount2(pinned.toString(), Native.MNT_DETACH);
        c.unlink(pinned.toString());
        return file;
    }

    /**
     * Unpins a namespace; the kernel frees it once no process, thread or fd holds it.
     * Equivalent to: {@code ip netns delete NAME}.
     *
     * @throws HostException ENOENT if there is no such namespace
     */
    public void delete(String name) {
        Path file = path(name);
        LibC c = Native.libc();
        if (c.umount2(file.toString(), Native.MNT_DETACH) < 0) {
            int errno = Native.errno();
            if (!Files.exists(file)) {
                throw new HostException("ip netns delete " + name, Errno.ENOENT, null);
            }
            if (errno != Errno.EINVAL) { // EINVAL: a file with nothing mounted on it; still remove it
                throw new HostException("ip netns delete " + name, errno, null);
            }
        }
        if (c.unlink(file.toString()) < 0) {
            throw new HostException("ip netns delete " + name + " (unlink)", Native.errno(), null);
        }
    }

    public boolean exists(String name) {
        return Files.exists(path(name));
    }

    /** Names of the namespaces in the run directory. Equivalent to: {@code ip netns list}. */
    public List<String> list() {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handle running work inside the named namespace. Equivalent to: {@code ip netns exec NAME ...}. */
    public NetnsHandle open(String name) {
        Path file = path(name);
        if (!Files.exists(file)) {
            throw new HostException("open netns " + name, Errno.ENOENT, null);
        }
        return NetnsHandle.open(name, file);
    }

    /** Creates the namespace and opens a handle on it. */
    public NetnsHandle createAndOpen(String name) {
        create(name);
        try {
            return open(name);
        } catch (RuntimeException e) {
            delete(name);
            throw e;
        }
    }

    /** A handle on the network namespace the calling thread is in (for berth: the host's). */
    public static NetnsHandle current() {
        return NetnsHandle.current();
    }

    /**
     * Undoes the shared bind mount this instance put on the run directory (only if it made it). For tests that use a
     * private run directory; production leaves it, like {@code ip netns} does.
     */
    public void releaseRunDir() {
        if (runDirMounted) {
            Native.libc().umount2(runDir.toString(), Native.MNT_DETACH);
            runDirMounted = false;
        }
        runDirReady = false;
    }

    private synchronized void ensureRunDir() {
        LibC c = Native.libc();
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new HostException("mkdir " + runDir, Errno.EIO, e.getMessage());
        }
        // once per instance: making the directory rshared walks every namespace mounted below it
        if (runDirReady) {
            return;
        }
        // Like iproute2: make the run dir a shared mount point so namespace mounts propagate to child mount namespaces.
        if (c.mount("none", runDir.toString(), "none", Native.MS_SHARED | Native.MS_REC, null) == 0) {
            runDirReady = true;
            return;
        }
        int errno = Native.errno();
        if (errno != Errno.EINVAL) {
            throw new HostException("mount --make-rshared " + runDir, errno, null);
        }
        Check.host(c.mount(runDir.toString(), runDir.toString(), "none", Native.MS_BIND | Native.MS_REC, null),
                "mount --rbind " + runDir + " " + runDir);
        runDirMounted = true;
        Check.host(c.mount("none", runDir.toString(), "none", Native.MS_SHARED | Native.MS_REC, null),
                "mount --make-rshared " + runDir);
        runDirReady = true;
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid netns name: " + name);
        }
    }
}
