package io.berth.network.host;

import io.berth.kit.steps.Steps;
import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Netlink;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandbox namespaces made ahead of time, with {@code lo} up, pinned under {@code <exec-root>/netns-spare}. A new
 * namespace costs the kernel milliseconds (and a fresh thread to unshare from); adopting a spare under the
 * container's id costs microseconds, so the attach path does not wait for it. Each spare also keeps a thread in it
 * and a netlink socket open, so configuring the sandbox's first interface needs neither. One background thread keeps
 * {@code target} spares ready. Spares belong to no container: the directory is emptied at start and at close, so a
 * crash leaves nothing a restart does not remove.
 */
public final class SpareNamespaces implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpareNamespaces.class);

  private final Namespaces spares;
  private final Namespaces sandboxes;
  private final int target;
  private final ConcurrentLinkedQueue<Spare> ready = new ConcurrentLinkedQueue<>();
  /** Handles of spares just taken, kept open for the sandbox's first configuration (see {@link #claim}). */
  private final Map<Path, Opened> taken = new ConcurrentHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong names = new AtomicLong();
  private final ExecutorService refill = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "netns-spares");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  /**
   * @param spareDir  where spares are pinned (a sibling of the sandbox directory, so no sweep of sandboxes sees them)
   * @param sandboxes where a taken spare is pinned under the container's id
   * @param target    how many spares to keep ready
   */
  public SpareNamespaces(Path spareDir, Namespaces sandboxes, int target) {
    this.spares = new Namespaces(spareDir);
    this.sandboxes = sandboxes;
    this.target = target;
  }

  /** Removes spares a previous run left, then starts making {@code target} new ones. Blocks for the cleanup. */
  public void start() {
    int removed = deleteAll();
    if (removed > 0) {
      LOG.info("removed {} spare namespaces left by an earlier run", removed);
    }
    topUp();
  }

  /**
   * The container's sandbox namespace with {@code lo} up, pinned under its id: a spare if one is ready, else made
   * now. Blocks.
   *
   * @throws HostException EEXIST if the container already has one
   */
  public Path take(String containerId) {
    try {
      for (Spare spare; (spare = ready.poll()) != null; ) {
        try {
          Path taken = sandboxes.adopt(spares.path(spare.name()), containerId);
          this.taken.put(taken, spare.opened());
          return taken;
        } catch (HostException e) {
          if (e.isErrno(Errno.EEXIST)) {
            ready.add(spare);
            throw e;
          }
          LOG.warn("spare namespace {} unusable, dropped: {}", spare.name(), e.getMessage());
          spare.opened().close();
          deleteQuietly(spare.name());
        }
      }
      return makeWithLoopback(sandboxes, containerId);
    } finally {
      topUp();
    }
  }

  /**
   * The open thread and netlink socket of a namespace {@link #take} just handed out, for its caller to use and close;
   * null when there are none (the namespace was made on demand, or they were claimed already).
   */
  public Opened claim(Path namespace) {
    return taken.remove(namespace);
  }

  /** Closes what a taken namespace still holds open (its sandbox is going away unconfigured). */
  public void release(Path namespace) {
    Opened o = taken.remove(namespace);
    if (o != null) {
      o.close();
    }
  }

  /** Stops making spares and removes those left. Blocks. */
  @Override
  public void close() {
    closed = true;
    refill.shutdown();
    try {
      refill.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Spare spare; (spare = ready.poll()) != null; ) {
      spare.opened().close();
    }
    taken.values().forEach(Opened::close);
    taken.clear();
    deleteAll();
    spares.releaseRunDir();
  }

  /**
   * Makes a namespace with {@code lo} up, or nothing. Equivalent to: {@code ip netns add NAME; ip -n NAME link set lo
   * up}.
   */
  static Path makeWithLoopback(Namespaces in, String name) {
    Steps steps = new Steps("namespace " + name);
    Path[] path = new Path[1];
    steps.step("ip netns add " + name, () -> path[0] = in.create(name), () -> in.delete(name));
    steps.step("ip -n " + name + " link set lo up", () -> {
      try (NetnsHandle ns = NetnsHandle.open(path[0]); Netlink nl = ns.openNetlink()) {
        nl.setUp("lo");
      }
    });
    return path[0];
  }

  private void topUp() {
    while (!closed && ready.size() + pending.get() < target) {
      pending.incrementAndGet();
      try {
        refill.execute(this::makeOne);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        pending.decrementAndGet();
        return;
      }
    }
  }

  private void makeOne() {
    try {
      if (closed) {
        return;
      }
      String name = "spare-" + ProcessHandle.current().pid() + "-" + names.incrementAndGet();
      Path file = spares.create(name);
      NetnsHandle handle = null;
      try {
        handle = NetnsHandle.open(file);
        Netlink netlink = handle.openNetlink();
        Opened opened = new Opened(handle, netlink);
        try {
          netlink.setUp("lo");
        } catch (RuntimeException e) {
          opened.close();
          throw e;
        }
        ready.add(new Spare(name, opened));
      } catch (RuntimeException e) {
        if (handle != null) {
          handle.close();
        }
        deleteQuietly(name);
        throw e;
      }
    } catch (RuntimeException e) {
      // the attach path makes its own namespace when none is ready; say why the spares ran dry
      LOG.warn("could not make a spare namespace: {}", e.getMessage());
    } finally {
      pending.decrementAndGet();
    }
  }

  /** A thread inside a namespace and a netlink socket opened there. */
  public record Opened(NetnsHandle handle, Netlink netlink) implements AutoCloseable {
    @Override
    public void close() {
      netlink.close();
      handle.close();
    }
  }

  private record Spare(String name, Opened opened) {}

  private int deleteAll() {
    int n = 0;
    for (String name : spares.list()) {
      deleteQuietly(name);
      n++;
    }
    return n;
  }

  private void deleteQuietly(String name) {
    try {
      spares.delete(name);
    } catch (HostException e) {
      LOG.warn("spare namespace {} not removed: {}", name, e.getMessage());
    }
  }
}
