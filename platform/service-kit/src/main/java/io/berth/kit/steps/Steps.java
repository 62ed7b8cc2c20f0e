package io.berth.kit.steps;

import io.berth.kit.errors.BerthException;
import io.berth.kit.function.ThrowingRunnable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Blocking host changes as named steps, like libnetwork's {@code setupStep} queue: each step that succeeded
 * registers its undo; when a later step fails, the undos run newest first, every one of them even if one fails, and
 * the step throws with every error, so a failed change leaves nothing and says what it could not clean. What it
 * throws follows {@link Rollback}'s rule: a {@link BerthException} with no failed undo as it is, a refusal whose undo
 * failed with its status kept, anything else as {@link StepsFailed} ({@code WHAT failed: STEP: MESSAGE; undo ...}).
 * For one worker call (it blocks and is not thread-safe): {@code new Steps("bridge " + name).step("ip link add ...",
 * () -> add(), () -> delete()).step(...)}.
 */
public final class Steps {
  private record Undo(String name, ThrowingRunnable action) {}

  private final String what;
  private final Deque<Undo> undos = new ArrayDeque<>();

  /** {@code what} names the whole change in the failure, e.g. {@code "bridge br-1234"}. */
  public Steps(String what) {
    this.what = what;
  }

  /** Runs {@code action} now and registers {@code undo} (null: nothing to undo); on failure see the class Javadoc. */
  public Steps step(String name, ThrowingRunnable action, ThrowingRunnable undo) {
    try {
      action.run();
    } catch (Exception e) {
      List<String> undoErrors = rollback();
      BerthException kept = Failures.berthFailure(e, undoErrors);
      if (kept != null) {
        throw kept;
      }
      List<String> errors = new ArrayList<>();
      errors.add(name + ": " + Failures.message(e));
      errors.addAll(undoErrors);
      throw new StepsFailed(what, errors, e);
    }
    if (undo != null) {
      undos.push(new Undo(name, undo));
    }
    return this;
  }

  /** A step with nothing of its own to undo (its effect goes with an earlier step's undo, like an address). */
  public Steps step(String name, ThrowingRunnable action) {
    return step(name, action, null);
  }

  /**
   * Undoes every completed step, newest first, and gives the errors ({@code undo NAME: MESSAGE}); for a caller whose
   * own later work failed after the steps succeeded. Each undo runs once.
   */
  public List<String> rollback() {
    List<String> errors = new ArrayList<>();
    while (!undos.isEmpty()) {
      Undo u = undos.pop();
      try {
        u.action().run();
      } catch (Exception e) {
        errors.add("undo " + u.name() + ": " + Failures.message(e));
      }
    }
    return errors;
  }
}
