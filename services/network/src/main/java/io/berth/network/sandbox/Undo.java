package io.berth.network.sandbox;

import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Undo actions of a multi-step change (allocations and host steps), run newest first when a later step fails;
 * every undo runs even if one fails, and the failure reported carries all errors. A refusal with Docker's message
 * (400/404/409) keeps its type and text when nothing else went wrong.
 */
final class Undo {
  private record Action(String name, Supplier<Future<Void>> action) {}

  private final Deque<Action> actions = new ArrayDeque<>();

  void add(String name, Supplier<Future<Void>> action) {
    actions.push(new Action(name, action));
  }

  /** Runs every undo and fails with {@code cause} plus any undo errors. */
  <T> Future<T> rollback(Throwable cause) {
    List<String> errors = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    while (!actions.isEmpty()) {
      Action a = actions.pop();
      chain = chain.compose(x -> {
        Future<Void> f;
        try {
          f = a.action().get();
        } catch (RuntimeException e) {
          f = Future.failedFuture(e);
        }
        return f.otherwise(e -> {
          errors.add("undo " + a.name() + ": " + e.getMessage());
          return null;
        });
      });
    }
    return chain.transform(x -> {
      if (errors.isEmpty() && cause instanceof BerthException) {
        return Future.failedFuture(cause);
      }
      List<String> all = new ArrayList<>();
      all.add(cause.getMessage());
      all.addAll(errors);
      if (cause instanceof BerthException b && b.status() < 500) {
        return Future.failedFuture(withStatus(b, String.join("; ", all)));
      }
      return Future.failedFuture(new BerthException.Internal(String.join("; ", all), cause));
    });
  }

  private static BerthException withStatus(BerthException b, String message) {
    return switch (b.status()) {
      case 403 -> new BerthException.Forbidden(message);
      case 404 -> new BerthException.NotFound(message);
      case 409 -> new BerthException.Conflict(message);
      default -> new BerthException.InvalidRequest(message);
    };
  }
}
