package io.berth.kit.steps;

import java.util.List;

/**
 * A change or a teardown failed on berth's side (a host call, not a refusal): a 500 whose message lists every error,
 * the failure first, then each failed undo. The errors are also given one by one for callers that report them apart.
 */
public final class StepsFailed extends RuntimeException {
  private final transient List<String> errors;

  public StepsFailed(String what, List<String> errors, Throwable cause) {
    super(what + " failed: " + String.join("; ", errors), cause);
    this.errors = List.copyOf(errors);
  }

  /** Every error, in the order they happened. */
  public List<String> errors() {
    return errors;
  }
}
