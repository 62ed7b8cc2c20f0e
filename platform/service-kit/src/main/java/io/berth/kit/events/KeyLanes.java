package io.berth.kit.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * Starts asynchronous work with at most {@code limit} pieces running at once, the rest in arrival order as earlier
 * ones finish. Confined to one Vert.x context (not thread-safe): submit and completions happen there.
 */
final class KeyLanes {
  private final int limit;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int running;

  KeyLanes(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
  }

  /** Runs {@code work} now if fewer than {@code limit} run, else once a slot frees; its outcome is returned. */
  Future<Void> submit(Supplier<Future<Void>> work) {
    Promise<Void> done = Promise.promise();
    Runnable start = () -> {
      running++;
      Future<Void> f;
      try {
        f = work.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        running--;
        Runnable next = waiting.poll();
        if (next != null) {
          // through the context, not nested here: a long run of work that completes at once must not deepen the stack
          io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
          if (ctx != null) {
            ctx.runOnContext(v -> next.run());
          } else {
            next.run();
          }
        }
        done.handle(ar);
      });
    };
    if (running < limit) {
      start.run();
    } else {
      waiting.add(start);
    }
    return done.future();
  }
}
