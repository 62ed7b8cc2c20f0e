package io.berth.network.domain;

/**
 * A sandbox's network mode, Docker's {@code HostConfig.NetworkMode} as berth keeps it: {@code bridge} (endpoints on
 * networks whose driver makes interfaces), {@code host} (the node's namespace), {@code none} (only {@code lo}),
 * {@code container:<id>} (another container's namespace), and berth's own {@code retired}: an owner removed while
 * others still share its namespace, kept only as the namespace's holder. Stored and shown in its wire form.
 *
 * @param kind      which of them
 * @param container the container whose namespace is shared ({@link Kind#CONTAINER} only), else {@code null}
 */
public record NetworkMode(Kind kind, String container) {
  public enum Kind { BRIDGE, HOST, NONE, CONTAINER, RETIRED }

  /** The wire prefix of {@code container:<id>}. */
  public static final String CONTAINER_PREFIX = "container:";

  public static final NetworkMode BRIDGE = new NetworkMode(Kind.BRIDGE, null);
  public static final NetworkMode HOST = new NetworkMode(Kind.HOST, null);
  public static final NetworkMode NONE = new NetworkMode(Kind.NONE, null);
  public static final NetworkMode RETIRED = new NetworkMode(Kind.RETIRED, null);

  public static NetworkMode container(String ref) {
    return new NetworkMode(Kind.CONTAINER, ref);
  }

  /** A stored sandbox mode; anything else than the named forms is {@code bridge}. */
  public static NetworkMode parse(String wire) {
    if (wire == null) {
      return BRIDGE;
    }
    if (wire.startsWith(CONTAINER_PREFIX)) {
      return container(wire.substring(CONTAINER_PREFIX.length()));
    }
    return switch (wire) {
      case "host" -> HOST;
      case "none" -> NONE;
      case "retired" -> RETIRED;
      default -> BRIDGE;
    };
  }

  /**
   * The container a container's requested network mode ({@code ContainerCreated.networkMode}) shares the namespace
   * of, or {@code null}: there only {@code container:<ref>} is a mode, every other value names a network.
   */
  public static String sharedWith(String requested) {
    return requested != null && requested.startsWith(CONTAINER_PREFIX)
        ? requested.substring(CONTAINER_PREFIX.length()) : null;
  }

  public boolean shares() {
    return kind == Kind.CONTAINER;
  }

  public String wire() {
    return switch (kind) {
      case BRIDGE -> "bridge";
      case HOST -> "host";
      case NONE -> "none";
      case RETIRED -> "retired";
      case CONTAINER -> CONTAINER_PREFIX + container;
    };
  }

  @Override
  public String toString() {
    return wire();
  }
}
