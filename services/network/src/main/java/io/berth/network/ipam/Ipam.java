package io.berth.network.ipam;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.berth.network.domain.Network;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Address allocation, one {@link AddressPool} per network, changed only by the processors of {@link IpamProcessors}
 * (never read-modify-write). Where a pool lives follows the network's scope, libnetwork's split of local and global
 * address spaces: a {@code local} network (bridge) belongs to one node, which alone allocates in it, so its pool is
 * this node's memory and an allocation is a method call; a {@code swarm}/{@code global} network's pool is in the
 * Hazelcast map keyed by network id, and allocation runs as an entry processor on the key's owner, so no two nodes
 * ever hand out the same address. Local pools are rebuilt from the endpoints in the state at start
 * ({@link #init}). Programming the host is someone else's job.
 */
public final class Ipam {
  /** The cluster map of pools of networks spanning nodes. */
  public static final String MAP = "berth.network.ipam";

  private final Vertx vertx;
  private final IMap<String, AddressPool> cluster;
  private final Map<String, AddressPool> local = new ConcurrentHashMap<>();

  public Ipam(Vertx vertx, IMap<String, AddressPool> cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** Creates the network's pool (if absent) with these addresses marked in use. */
  public Future<Boolean> init(Network n, List<String> allocated) {
    return run(n, new IpamProcessors.Init(n.ipam(), allocated));
  }

  /**
   * Allocates an address of the family ({@code requested} if given) and returns it with its prefix length, or
   * {@code null} when the network has no subnet of that family. Fails with {@link IpamException}.
   */
  public Future<String> allocate(Network n, boolean v4, String requested) {
    return run(n, new IpamProcessors.Allocate(v4, requested)).compose(r -> r.error() == null
        ? Future.succeededFuture(r.address())
        : Future.failedFuture(new IpamException(r.error(), r.conflict())));
  }

  /** Gives addresses back (nulls ignored). */
  public Future<Void> release(Network n, List<String> addresses) {
    List<String> some = addresses.stream().filter(a -> a != null && !a.isEmpty()).toList();
    if (some.isEmpty()) {
      return Future.succeededFuture();
    }
    return run(n, new IpamProcessors.Release(some)).mapEmpty();
  }

  /** Drops the network's pool. */
  public Future<Void> drop(Network n) {
    if (isLocal(n)) {
      local.remove(n.id());
      return Future.succeededFuture();
    }
    return on(cluster.removeAsync(n.id())).mapEmpty();
  }

  private static boolean isLocal(Network n) {
    return "local".equals(n.scope());
  }

  /** Runs the processor on the pool: in place and atomically per network here, or on the cluster key's owner. */
  private <R> Future<R> run(Network n, EntryProcessor<String, AddressPool, R> processor) {
    if (!isLocal(n)) {
      return on(cluster.submitToKey(n.id(), processor));
    }
    Object[] result = new Object[1];
    try {
      local.compute(n.id(), (id, pool) -> {
        Map.Entry<String, AddressPool> entry = new AbstractMap.SimpleEntry<>(id, pool);
        result[0] = processor.process(entry);
        return entry.getValue();
      });
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    @SuppressWarnings("unchecked")
    R r = (R) result[0];
    return Future.succeededFuture(r);
  }

  private <T> Future<T> on(java.util.concurrent.CompletionStage<T> stage) {
    Context ctx = vertx.getOrCreateContext();
    return Future.fromCompletionStage(stage, ctx);
  }
}
