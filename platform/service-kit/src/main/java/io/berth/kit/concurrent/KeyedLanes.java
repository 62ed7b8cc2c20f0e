package io.berth.kit.concurrent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs asynchronous work one at a time per key (a container, a network, an event key), in arrival order, while
 * different keys proceed side by side. A failed piece of work does not stop its lane. Safe to call from any thread;
 * the work starts on the thread that completed the one before it (or the caller's, when its lane is idle).
 */
public final class KeyedLanes {
  private final Map<String, Future<?>> tails = new HashMap<>();

  /** Runs {@code work} once everything submitted before under {@code key} has finished; returns its outcome. */
  public <T> Future<T> run(String key, Supplier<Future<T>> work) {
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

  /** Keys with work running or waiting. */
  public int busyKeys() {
    synchronized (tails) {
      return tails.size();
    }
  }
}
