package io.berth.network.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Host changes as named steps, like libnetwork's {@code setupStep} queue and netavark's setup/teardown: each step
 * that succeeded registers its undo; when a later step fails, the undos run in reverse order and every error —
 * the failure and each failed undo — is reported together. Blocking; run it on a worker.
 */
public final class HostSteps {
  /** One host change. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private final String what;
  private final Deque<Named> undo = new ArrayDeque<>();

  private record Named(String name, Action action) {}

  public HostSteps(String what) {
    this.what = what;
  }

  /** Runs a step now; on failure undoes the earlier ones and throws {@link HostStepsFailed}. */
  public HostSteps step(String name, Action action, Action undoAction) {
    try {
      action.run();
    } catch (Exception e) {
      List<String> errors = new ArrayList<>();
      errors.add(name + ": " + message(e));
      errors.addAll(rollback());
      throw new HostStepsFailed(what, errors, e);
    }
    if (undoAction != null) {
      undo.push(new Named(name, undoAction));
    }
    return this;
  }

  /** A step with nothing to undo (its effect goes with an earlier step's undo). */
  public HostSteps step(String name, Action action) {
    return step(name, action, null);
  }

  /** Undoes every completed step (newest first) and returns the errors, if any. */
  public List<String> rollback() {
    List<String> errors = new ArrayList<>();
    while (!undo.isEmpty()) {
      Named n = undo.pop();
      try {
        n.action().run();
      } catch (Exception e) {
        errors.add("undo " + n.name() + ": " + message(e));
      }
    }
    return errors;
  }

  static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Runs teardown actions and collects every error instead of stopping at the first (netavark's error list). */
  public static List<String> teardown(List<Teardown> actions) {
    List<String> errors = new ArrayList<>();
    for (Teardown a : actions) {
      try {
        a.action().run();
      } catch (Exception e) {
        errors.add(a.name() + ": " + message(e));
      }
    }
    return errors;
  }

  /** A named teardown action. */
  public record Teardown(String name, Action action) {}
}
