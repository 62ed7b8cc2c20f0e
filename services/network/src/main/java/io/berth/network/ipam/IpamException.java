package io.berth.network.ipam;

/** A request the address manager refuses; the message is Docker's, the {@link #kind()} decides Docker's status. */
public class IpamException extends RuntimeException {
  /** What went wrong, as Docker tells them apart. */
  public enum Kind {
    /** The request is malformed or outside the network's subnets: 400. */
    INVALID,
    /** The requested address is allocated already (libnetwork's {@code ErrIPAlreadyAllocated}): 403. */
    TAKEN,
    /** No address of the family is left in any of the network's pools: 500, as dockerd answers. */
    EXHAUSTED
  }

  private final Kind kind;

  public IpamException(String message) {
    this(message, Kind.INVALID);
  }

  public IpamException(String message, Kind kind) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
