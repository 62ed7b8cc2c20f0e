package io.berth.volume;

import com.hazelcast.map.IMap;
import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * Claims in a Hazelcast map with {@code putIfAbsent} and a lease. Not Vert.x's clustered {@code Lock}: with Hazelcast
 * it is an {@code IMap} lock owned by the worker thread that took it, which is re-entrant for another caller that
 * happens to run on the same worker thread.
 */
final class HazelcastVolumeClaims implements VolumeClaims {
  private static final long LEASE_SECONDS = 120;

  private final Vertx vertx;
  private final IMap<String, String> claims;

  HazelcastVolumeClaims(Vertx vertx, IMap<String, String> claims) {
    this.vertx = vertx;
    this.claims = claims;
  }

  @Override
  public Future<Boolean> tryClaim(String key, String holder) {
    // one short cluster call on a worker; waiting for a busy key happens on timers in VolumeLocks, never on a thread
    return vertx.executeBlocking(() -> claims.putIfAbsent(key, holder, LEASE_SECONDS, TimeUnit.SECONDS) == null, false)
        .recover(e -> Future.failedFuture(unavailable("claiming", key, e)));
  }

  @Override
  public Future<Void> release(String key, String holder) {
    return vertx.executeBlocking(() -> claims.remove(key, holder), false)
        .recover(e -> Future.failedFuture(unavailable("releasing", key, e)))
        .mapEmpty();
  }

  /** The cluster could not be asked (a member gone, a timeout): the change is retried, not refused. */
  private static BerthException unavailable(String what, String key, Throwable e) {
    return new BerthException.Unavailable(what + " volume " + key + " in the cluster failed: " + e.getMessage(), e);
  }
}
