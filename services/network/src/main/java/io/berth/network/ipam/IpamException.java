package io.berth.network.ipam;

/** A request the address manager refuses; the message is Docker's. Docker answers 400, or 403 for a {@link #conflict()}. */
public class IpamException extends RuntimeException {
  private final boolean conflict;

  public IpamException(String message) {
    this(message, false);
  }

  public IpamException(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  /** The request is well formed but collides with an existing allocation. */
  public boolean conflict() {
    return conflict;
  }
}
