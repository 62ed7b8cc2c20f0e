package io.berth.volume;

import io.vertx.core.Future;

/**
 * Where volume services claim a volume while they change it, so two services of one node (a restart overlapping the
 * old process) never interleave. A claim is a lease: it runs out by itself should its holder die. In the cluster it is
 * {@link HazelcastVolumeClaims}; unit tests use an in-memory one.
 */
public interface VolumeClaims {
  /** Claims {@code key} for {@code holder} if nobody holds it; completes with whether it did. */
  Future<Boolean> tryClaim(String key, String holder);

  /** Gives the claim back, only if it is still {@code holder}'s (its lease may have run out and been taken). */
  Future<Void> release(String key, String holder);
}
