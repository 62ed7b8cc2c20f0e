package io.berth.network.host;

import java.util.List;

/** A host change failed; its earlier steps were undone. The message lists every error, the failure first. */
public final class HostStepsFailed extends RuntimeException {
  private final List<String> errors;

  public HostStepsFailed(String what, List<String> errors, Throwable cause) {
    super(what + " failed: " + String.join("; ", errors), cause);
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
