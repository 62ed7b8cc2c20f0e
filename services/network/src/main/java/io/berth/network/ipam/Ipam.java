package io.berth.network.ipam;

import io.berth.network.cluster.KeyedEntries;
import io.berth.network.cluster.LocalEntries;
import io.berth.network.domain.Network;
import io.vertx.core.Future;
import java.util.List;

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

  private final KeyedEntries<String, AddressPool> cluster;
  private final KeyedEntries<String, AddressPool> local = new LocalEntries<>();

  /** @param cluster the pools of networks spanning nodes ({@link #MAP}) */
  public Ipam(KeyedEntries<String, AddressPool> cluster) {
    this.cluster = cluster;
  }

  /** Creates the network's pool (if absent) with these addresses marked in use. */
  public Future<Boolean> init(Network n, List<String> allocated) {
    return pools(n).submit(n.id(), new IpamProcessors.Init(n.ipam(), allocated));
  }

  /**
   * Allocates an address of the family ({@code requested} if given) and returns it with its prefix length, or
   * {@code null} when the network has no subnet of that family. Fails with {@link IpamException}.
   */
  public Future<String> allocate(Network n, boolean v4, String requested) {
    return pools(n).submit(n.id(), new IpamProcessors.Allocate(v4, requested)).compose(r -> r.error() == null
        ? Future.succeededFuture(r.address())
        : Future.failedFuture(new IpamException(r.error(), r.kind())));
  }

  /** Gives addresses back (nulls ignored). */
  public Future<Void> release(Network n, List<String> addresses) {
    List<String> some = addresses.stream().filter(a -> a != null && !a.isEmpty()).toList();
    if (some.isEmpty()) {
      return Future.succeededFuture();
    }
    return pools(n).submit(n.id(), new IpamProcessors.Release(some)).mapEmpty();
  }

  /** Drops the network's pool. */
  public Future<Void> drop(Network n) {
    return pools(n).remove(n.id());
  }

  /** This node's memory for a {@code local} network, the cluster map for one spanning nodes. */
  private KeyedEntries<String, AddressPool> pools(Network n) {
    return "local".equals(n.scope()) ? local : cluster;
  }
}
