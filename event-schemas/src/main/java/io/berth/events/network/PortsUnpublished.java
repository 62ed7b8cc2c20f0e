package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.network.ports.unpublished}: a container's ports no longer answer on the host ({@code docker port}).
 *
 * @param containerId the container
 * @param node        the node
 * @param bindings    the publications
 */
public record PortsUnpublished(String containerId, String node, List<PublishedPort> bindings) implements NodeScoped {

  public PortsUnpublished {
    bindings = Defaults.list(bindings);
  }
}
