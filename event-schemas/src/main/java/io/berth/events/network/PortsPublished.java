package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.network.ports.published}: a container's ports answer on the host ({@code docker port}).
 *
 * @param containerId the container
 * @param node        the node
 * @param bindings    the publications
 */
public record PortsPublished(String containerId, String node, List<PublishedPort> bindings) implements NodeScoped {

  public PortsPublished {
    bindings = Defaults.list(bindings);
  }
}
