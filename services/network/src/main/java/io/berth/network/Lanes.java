package io.berth.network;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work one at a time per key (a container, or all network definitions of the node), in arrival order, while
 * different keys proceed in parallel. A failed task does not stop the lane.
 */
final class Lanes {
  private final Map<String, Future<?>> tails = new HashMap<>();

  <T> Future<T> run(String key, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    Future<?> before;
    synchronized (tails) {
      before = tails.getOrDefault(key, Future.succeededFuture());
      tails.put(key, done.future());
    }
    before.onComplete(x -> {
      Future<T> f;
      try {
        f = work.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        synchronized (tails) {
          if (tails.get(key) == done.future()) {
            tails.remove(key);
          }
        }
        done.handle(ar);
      });
    });
    return done.future();
  }
}
