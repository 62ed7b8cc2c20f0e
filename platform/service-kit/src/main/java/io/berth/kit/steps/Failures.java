package io.berth.kit.steps;

import io.berth.kit.errors.BerthException;
import java.util.ArrayList;
import java.util.List;

/** The one rule for what a failed change reports, shared by {@link Rollback} and {@link Steps}. */
final class Failures {
  private Failures() {}

  /** The text of an error; an exception without a message (an NPE) still says what it was. */
  static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * What the caller sees when {@code cause} ended a change whose undos failed with {@code undoErrors}, or null when the
   * cause is not one of berth's errors (the caller then reports it its own way). A {@link BerthException} with no
   * failed undo is passed on untouched: it already carries Docker's message and status, and the undo left nothing.
   * A refusal (4xx) whose undo failed keeps its status, so the client still learns it was refused, with the undo
   * errors added to the message because something may be left behind.
   */
  static BerthException berthFailure(Throwable cause, List<String> undoErrors) {
    if (!(cause instanceof BerthException b)) {
      return null;
    }
    if (undoErrors.isEmpty()) {
      return b;
    }
    if (b.status() >= 500) {
      return null;
    }
    String message = combined(cause, undoErrors);
    BerthException refused = switch (b.status()) {
      case 403 -> new BerthException.Forbidden(message);
      case 404 -> new BerthException.NotFound(message);
      case 409 -> new BerthException.Conflict(message);
      default -> new BerthException.InvalidRequest(message, cause);
    };
    if (refused.getCause() == null) {
      // Forbidden, NotFound and Conflict take no cause; keep the original reachable for the log.
      refused.addSuppressed(cause);
    }
    return refused;
  }

  /** The cause's message, then every undo error, as one message. */
  static String combined(Throwable cause, List<String> undoErrors) {
    List<String> all = new ArrayList<>();
    all.add(message(cause));
    all.addAll(undoErrors);
    return String.join("; ", all);
  }
}
