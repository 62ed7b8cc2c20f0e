package io.berth.events.network;

import io.berth.events.Defaults;
import java.util.List;

/**
 * {@code io.berth.network.sandbox.ready}: a container's network namespace is set up with all its interfaces;
 * the runtime may start the container in it.
 *
 * @param containerId the container
 * @param sandboxKey  the network namespace path
 * @param node        the node
 * @param interfaces  its interfaces
 */
public record SandboxReady(String containerId, String sandboxKey, String node, List<SandboxInterface> interfaces) {

  public SandboxReady {
    interfaces = Defaults.list(interfaces);
  }
}
