package io.berth.network.ipam;

import com.hazelcast.map.IMap;
import io.berth.network.domain.IpamConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Cluster-wide address allocation: one {@link AddressPool} per network in a Hazelcast map keyed by network id,
 * changed only by entry processors (never read-modify-write). Programming the host is someone else's job.
 */
public final class Ipam {
  /** The cluster map of pools. */
  public static final String MAP = "berth.network.ipam";

  private final Vertx vertx;
  private final IMap<String, AddressPool> pools;

  public Ipam(Vertx vertx, IMap<String, AddressPool> pools) {
    this.vertx = vertx;
    this.pools = pools;
  }

  /** Creates the network's pool (if absent) with these addresses marked in use. */
  public Future<Boolean> init(String networkId, List<IpamConfig> configs, List<String> allocated) {
    return on(pools.submitToKey(networkId, new IpamProcessors.Init(configs, allocated)));
  }

  /**
   * Allocates an address of the family ({@code requested} if given) and returns it with its prefix length, or
   * {@code null} when the network has no subnet of that family. Fails with {@link IpamException}.
   */
  public Future<String> allocate(String networkId, boolean v4, String requested) {
    return on(pools.submitToKey(networkId, new IpamProcessors.Allocate(v4, requested))).compose(r -> r.error() == null
        ? Future.succeededFuture(r.address())
        : Future.failedFuture(new IpamException(r.error(), r.conflict())));
  }

  /** Gives addresses back (nulls ignored). */
  public Future<Void> release(String networkId, List<String> addresses) {
    List<String> some = addresses.stream().filter(a -> a != null && !a.isEmpty()).toList();
    if (some.isEmpty()) {
      return Future.succeededFuture();
    }
    return on(pools.submitToKey(networkId, new IpamProcessors.Release(some))).mapEmpty();
  }

  /** Drops the network's pool. */
  public Future<Void> drop(String networkId) {
    return on(pools.removeAsync(networkId)).mapEmpty();
  }

  private <T> Future<T> on(java.util.concurrent.CompletionStage<T> stage) {
    Context ctx = vertx.getOrCreateContext();
    return Future.fromCompletionStage(stage, ctx);
  }
}
