package io.berth.volume;

import io.berth.kit.concurrent.KeyedLanes;
import io.berth.kit.errors.BerthException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Per-name locks for volume changes. Within this process, callers of one key take turns in arrival order
 * ({@link KeyedLanes}: no thread ever blocks waiting); across processes, the holder also claims the key in
 * {@link VolumeClaims}, so a second volume service for the same node cannot interleave either. The work runs on the
 * caller's context (the API's or the events' verticle), whichever caller held the lock before.
 */
final class VolumeLocks {
  private static final long TIMEOUT_MS = 30_000;
  private static final long MAX_BACKOFF_MS = 100;

  private final Vertx vertx;
  private final VolumeClaims claims;
  private final KeyedLanes lanes = new KeyedLanes();

  VolumeLocks(Vertx vertx, VolumeClaims claims) {
    this.vertx = vertx;
    this.claims = claims;
  }

  /** Runs {@code work} holding the lock of {@code key}; the lock is released whatever the outcome. */
  <T> Future<T> withLock(String key, Supplier<Future<T>> work) {
    Context caller = vertx.getOrCreateContext();
    return lanes.run(key, () -> on(caller, () -> {
      String token = UUID.randomUUID().toString();
      return claim(key, token, System.currentTimeMillis() + TIMEOUT_MS, 1).compose(claimed -> {
        Future<T> result;
        try {
          result = work.get();
        } catch (RuntimeException e) {
          result = Future.failedFuture(e);
        }
        return result.eventually(() -> claims.release(key, token).otherwiseEmpty());
      });
    }));
  }

  /** Runs {@code work} on {@code context}: the lane hands over on the thread of the previous holder. */
  private static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
    if (Vertx.currentContext() == context) {
      return work.get();
    }
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    return done.future();
  }

  private Future<Void> claim(String key, String token, long deadline, long backoffMs) {
    return claims.tryClaim(key, token).compose(claimed -> {
      if (claimed) {
        return Future.succeededFuture();
      }
      if (System.currentTimeMillis() > deadline) {
        return Future.failedFuture(new BerthException.Unavailable("volume " + key + " is busy (held by another volume service)"));
      }
      Promise<Void> retry = Promise.promise();
      vertx.setTimer(backoffMs, t -> claim(key, token, deadline, Math.min(backoffMs * 2, MAX_BACKOFF_MS)).onComplete(retry));
      return retry.future();
    });
  }
}
