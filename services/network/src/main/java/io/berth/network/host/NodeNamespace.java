package io.berth.network.host;

import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;

/**
 * The network namespace the service treats as "the host": the one the node runs in, or (tests) a lab namespace.
 * Keeps host-native's handle inside this package.
 */
public final class NodeNamespace {
  private final NetnsHandle handle;

  private NodeNamespace(NetnsHandle handle) {
    this.handle = handle;
  }

  /** The namespace of the calling thread (the node's own). */
  public static NodeNamespace current() {
    return new NodeNamespace(Namespaces.current());
  }

  /** A namespace opened elsewhere (a lab namespace in tests). */
  public static NodeNamespace of(NetnsHandle handle) {
    return new NodeNamespace(handle);
  }

  NetnsHandle handle() {
    return handle;
  }

  /** A path naming the namespace ({@code SandboxKey} of containers in {@code host} mode). */
  public String path() {
    return handle.path().toString();
  }
}
