package io.berth.kit.steps;

import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The undo log of an asynchronous change made of several steps (reserve ports, allocate addresses, create a namespace,
 * join, write state): each step that succeeded registers how to undo it, and when a later step fails
 * {@link #rollback} runs the undos newest first, as the steps were made in that order and later ones may depend on
 * earlier ones. Every undo runs even if one fails, since stopping would leave the rest behind, and the failure the
 * caller gets carries every error:
 * <ul>
 *   <li>a {@link BerthException} with no failed undo is passed on as it is (Docker's message and status);</li>
 *   <li>a refusal (400, 403, 404, 409) whose undo failed keeps its status, its message followed by the undo errors;</li>
 *   <li>anything else becomes {@link BerthException.Internal} (500) with all the errors, the cause kept.</li>
 * </ul>
 * Usage: {@code Rollback undo = new Rollback(); ... undo.add("release ports", () -> ports.release(id)); ...
 * .recover(undo::rollback)}. Blocking host steps inside one worker call use {@link Steps} instead.
 *
 * <p>Undos may be registered from the callbacks of futures that complete on other threads (Hazelcast's), so the log
 * is a concurrent deque; {@link #rollback} should be called once everything that may still register has settled.
 */
public final class Rollback {
  private record Undo(String name, Supplier<Future<Void>> action) {}

  private final Deque<Undo> undos = new ConcurrentLinkedDeque<>();

  /** Registers the undo of a step that succeeded; it runs before every undo registered earlier. */
  public Rollback add(String name, Supplier<Future<Void>> undo) {
    undos.push(new Undo(name, undo));
    return this;
  }

  /**
   * Runs {@code step}; when it succeeds, registers {@code undo} (null: nothing to undo) and gives the step's result.
   * A failed step registers nothing: it is the step's own job to leave nothing when it fails.
   */
  public <T> Future<T> step(String name, Supplier<Future<T>> step, Supplier<Future<Void>> undo) {
    Future<T> f;
    try {
      f = step.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.map(result -> {
      if (undo != null) {
        add(name, undo);
      }
      return result;
    });
  }

  /** How many undos are registered and not yet run. */
  public int size() {
    return undos.size();
  }

  /**
   * Runs every registered undo, newest first, one after the other, then fails with {@code cause} as the class Javadoc
   * says. Never succeeds: it is the {@code recover} of the change. Undos run once; a second call has none left.
   */
  public <T> Future<T> rollback(Throwable cause) {
    return undoAll().transform(done -> {
      List<String> errors = done.result();
      BerthException kept = Failures.berthFailure(cause, errors);
      if (kept != null) {
        return Future.failedFuture(kept);
      }
      return Future.failedFuture(new BerthException.Internal(Failures.combined(cause, errors), cause));
    });
  }

  /** Runs every registered undo, newest first, and gives the errors ({@code undo NAME: MESSAGE}); never fails. */
  public Future<List<String>> undoAll() {
    List<String> errors = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Undo u = undos.poll(); u != null; u = undos.poll()) {
      Undo undo = u;
      chain = chain.compose(x -> run(undo).otherwise(e -> {
        errors.add("undo " + undo.name() + ": " + Failures.message(e));
        return null;
      }));
    }
    return chain.map(x -> List.copyOf(errors));
  }

  private static Future<Void> run(Undo undo) {
    try {
      Future<Void> f = undo.action().get();
      return f != null ? f : Future.failedFuture("gave no future");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
