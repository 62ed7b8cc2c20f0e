package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.network.sandbox.ready}: a container's network namespace is set up with all its interfaces;
 * the runtime may start the container in it.
 *
 * @param containerId the container
 * @param sandboxKey  the network namespace path
 * @param node        the node
 * @param interfaces  its interfaces
 * @param containerName the container's name, or {@code null} (optional)
 */
public record SandboxReady(String containerId, String sandboxKey, String node, List<SandboxInterface> interfaces,
                           String containerName) implements NodeScoped {

  public SandboxReady {
    interfaces = Defaults.list(interfaces);
  }

  /** Without the optional container name. */
  public SandboxReady(String containerId, String sandboxKey, String node, List<SandboxInterface> interfaces) {
    this(containerId, sandboxKey, node, interfaces, null);
  }
}
