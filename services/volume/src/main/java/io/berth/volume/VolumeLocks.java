package io.berth.volume;

import com.hazelcast.map.IMap;
import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Per-name locks for volume changes. Within this process, callers of one key queue up in order (an asynchronous FIFO,
 * so no thread ever blocks waiting); across processes, the holder also claims the key in a Hazelcast map with
 * {@code putIfAbsent} and a lease, so a second volume service for the same node cannot interleave either.
 *
 * <p>Not Vert.x's clustered {@code Lock}: with Hazelcast it is an {@code IMap} lock owned by the worker thread that
 * took it, which is re-entrant for another caller that happens to run on the same worker thread.
 */
final class VolumeLocks {
  private static final long LEASE_SECONDS = 120;
  private static final long TIMEOUT_MS = 30_000;

  private final Vertx vertx;
  private final IMap<String, String> claims;
  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();

  VolumeLocks(Vertx vertx, IMap<String, String> claims) {
    this.vertx = vertx;
    this.claims = claims;
  }

  /** Runs {@code work} holding the lock of {@code key}; the lock is released whatever the outcome. */
  <T> Future<T> withLock(String key, Supplier<Future<T>> work) {
    Promise<Void> done = Promise.promise();
    Future<Void> previous = tails.put(key, done.future());
    Future<Void> turn = previous == null ? Future.succeededFuture() : previous;
    return turn.transform(x -> claim(key, UUID.randomUUID().toString(), System.currentTimeMillis() + TIMEOUT_MS, 1))
        .compose(token -> {
          Future<T> result;
          try {
            result = work.get();
          } catch (RuntimeException e) {
            result = Future.failedFuture(e);
          }
          return result.transform(outcome -> release(key, token).transform(x -> outcome.succeeded()
              ? Future.succeededFuture(outcome.result()) : Future.<T>failedFuture(outcome.cause())));
        })
        .andThen(x -> {
          tails.remove(key, done.future());
          done.complete();
        });
  }

  private Future<String> claim(String key, String token, long deadline, long backoffMs) {
    // one short cluster call on a worker; waiting happens on timers, never on a thread
    return vertx.executeBlocking(() -> claims.putIfAbsent(key, token, LEASE_SECONDS, TimeUnit.SECONDS), false)
        .compose(holder -> {
          if (holder == null) {
            return Future.succeededFuture(token);
          }
          if (System.currentTimeMillis() > deadline) {
            return Future.failedFuture(new BerthException.Unavailable("volume " + key + " is busy (held by another volume service)"));
          }
          Promise<String> retry = Promise.promise();
          vertx.setTimer(backoffMs, t -> claim(key, token, deadline, Math.min(backoffMs * 2, 100)).onComplete(retry));
          return retry.future();
        });
  }

  /** Removes the claim only if it is still this holder's (its lease may have run out and been taken). */
  private Future<Boolean> release(String key, String token) {
    return vertx.executeBlocking(() -> claims.remove(key, token), false).otherwise(false);
  }
}
