package io.berth.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.berth.host.internal.LibC;
import io.berth.host.internal.Native;
import io.berth.host.netlink.Netlink;

/**
 * Runs work inside one network namespace, on a dedicated platform thread: for each task the thread {@code setns}es into
 * the namespace and always back to its own in {@code finally}, so no other thread ever changes namespace. Things
 * created there stay bound to the namespace and can be used from any thread afterwards: netlink sockets
 * ({@link #openNetlink()}), the nftables context ({@link #nftables()}), TCP/UDP sockets, child processes.
 *
 * <p>Every method blocks until the task ran, except {@link #submit} and the {@link #executor()} view: callers on an
 * event loop use those (or a worker), never the blocking ones. Like {@code vishvananda/netlink}'s
 * {@code NewHandleAt(ns)}.
 */
public final class NetnsHandle implements AutoCloseable {
    private final String name;
    private final Path path;
    private final int nsFd;
    private final boolean current;
    private final ExecutorService thread;
    private volatile Thread worker;
    private int originalFd = -1; // only touched on the worker
    private Nftables nftables;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closeOnce = new java.util.concurrent.atomic.AtomicBoolean();

    private NetnsHandle(String name, Path path, int nsFd, boolean current) {
        this.name = name;
        this.path = path;
        this.nsFd = nsFd;
        this.current = current;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + name);
            t.setDaemon(true);
            worker = t;
            return t;
        });
    }

    static NetnsHandle open(String name, Path file) {
        int fd = Native.libc().open(file.toString(), Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException("open netns " + file, Native.errno(), null);
        }
        return new NetnsHandle(name, file, fd, false);
    }

    /** The namespace the calling thread is in. */
    static NetnsHandle current() {
        int fd = Native.libc().open("/proc/thread-self/ns/net", Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException("open /proc/thread-self/ns/net", Native.errno(), null);
        }
        Path path = Path.of("/proc/" + ProcessHandle.current().pid() + "/fd/" + fd);
        return new NetnsHandle("current", path, fd, true);
    }

    /** Opens an arbitrary namespace file (e.g. {@code /proc/PID/ns/net}). */
    public static NetnsHandle open(Path nsFile) {
        return open(nsFile.getFileName().toString(), nsFile);
    }

    public String name() {
        return name;
    }

    /** A path that names this namespace: its pinned file, or {@code /proc/PID/fd/N} for {@link Namespaces#current()}. */
    public Path path() {
        return path;
    }

    /** An open fd on the namespace (for {@code IFLA_NET_NS_FD}); valid until {@link #close()}. */
    public int fd() {
        return nsFd;
    }

    public boolean isCurrent() {
        return current;
    }

    /** Runs the task inside the namespace and waits. Unchecked exceptions pass through; checked ones are wrapped. */
    public <T> T call(Callable<T> task) {
        if (Thread.currentThread() == worker) {
            return direct(task);
        }
        try {
            return submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("netns " + name, Errno.EINTR, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new HostException("netns " + name, 0, String.valueOf(cause), cause);
        }
    }

    public void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Runs the task inside the namespace without waiting. */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        if (closed) {
            return CompletableFuture.failedFuture(new HostException("netns " + name, Errno.EBADF, "handle closed"));
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    f.complete(inside(task));
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new HostException("netns " + name, Errno.EBADF, "handle closed"));
        }
        return f;
    }

    /** An executor whose tasks run inside the namespace (on the handle's thread). */
    public Executor executor() {
        return command -> submit(() -> {
            command.run();
            return null;
        });
    }

    /** A netlink socket bound to this namespace, usable from any thread. The caller closes it. */
    public Netlink openNetlink() {
        return call(Netlink::open);
    }

    /** This namespace's nftables context (created on first use, inside the namespace; closed with the handle). */
    public synchronized Nftables nftables() {
        if (nftables == null) {
            nftables = call(Nftables::create);
        }
        return nftables;
    }

    /** Sysctls of this namespace. */
    public Sysctls sysctls() {
        return new Sysctls(this);
    }

    /** Starts a process inside the namespace. Equivalent to: {@code ip netns exec NAME CMD...}. */
    public Process start(ProcessBuilder builder) {
        return call(builder::start);
    }

    /** A TCP server socket bound inside the namespace. */
    public ServerSocketChannel openServerSocket(SocketAddress bind) {
        return call(() -> ServerSocketChannel.open().bind(bind));
    }

    /** A UDP socket bound inside the namespace. */
    public DatagramChannel openDatagramChannel(SocketAddress bind) {
        return call(() -> DatagramChannel.open().bind(bind));
    }

    private <T> T direct(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new HostException("netns " + name, 0, String.valueOf(e), e);
        }
    }

    private <T> T inside(Callable<T> task) throws Exception {
        if (current) {
            return task.call();
        }
        LibC c = Native.libc();
        if (originalFd < 0) {
            originalFd = c.open("/proc/thread-self/ns/net", Native.O_RDONLY | Native.O_CLOEXEC, 0);
            if (originalFd < 0) {
                throw new HostException("open /proc/thread-self/ns/net", Native.errno(), null);
            }
        }
        if (c.setns(nsFd, Native.CLONE_NEWNET) < 0) {
            throw new HostException("setns " + name, Native.errno(), null);
        }
        try {
            return task.call();
        } finally {
            if (c.setns(originalFd, Native.CLONE_NEWNET) < 0) {
                // The thread is stuck in the wrong namespace: never run anything else on it.
                int errno = Native.errno();
                thread.shutdownNow();
                closed = true;
                throw new HostException("setns back from " + name, errno, "netns thread retired");
            }
        }
    }

    /** Stops the thread and closes the namespace fd and nftables context; the namespace itself stays. */
    @Override
    public void close() {
        if (!closeOnce.compareAndSet(false, true)) {
            return;
        }
        Nftables nft;
        synchronized (this) {
            nft = nftables;
            nftables = null;
        }
        if (nft != null) {
            nft.close();
        }
        if (!thread.isShutdown()) {
            thread.execute(() -> {
                if (originalFd >= 0) {
                    Native.libc().close(originalFd);
                    originalFd = -1;
                }
            });
        }
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Native.libc().close(nsFd);
    }

    @Override
    public String toString() {
        return "netns " + name + " (" + path + ")";
    }
}
