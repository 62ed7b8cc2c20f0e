package io.berth.network.domain;

import java.util.List;

/**
 * A container's network stack: its network namespace, endpoints (in interface order) and published ports.
 *
 * @param containerId   the container
 * @param containerName its name
 * @param node          the node it runs on
 * @param key           the network namespace path ({@code SandboxKey})
 * @param berthCreated  berth made the namespace (and removes it); {@code false} when the runtime supplied it
 * @param mode          the network mode in its wire form ({@link NetworkMode}: {@code bridge}, {@code host},
 *                      {@code none}, {@code container:<id>}, {@code retired})
 * @param endpoints     ids of its endpoints, {@code eth0} first
 * @param ports         the requested publications
 * @param published     the publications in effect
 */
public record Sandbox(String containerId, String containerName, String node, String key, boolean berthCreated,
                      String mode, List<String> endpoints, List<PortRequest> ports, List<PortMapping> published) {
  public Sandbox {
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    ports = ports == null ? List.of() : List.copyOf(ports);
    published = published == null ? List.of() : List.copyOf(published);
  }

  public Sandbox withEndpoints(List<String> ids) {
    return new Sandbox(containerId, containerName, node, key, berthCreated, mode, ids, ports, published);
  }

  public Sandbox withPublished(List<PortMapping> p) {
    return new Sandbox(containerId, containerName, node, key, berthCreated, mode, endpoints, ports, p);
  }

  /** The typed {@link #mode}. */
  public NetworkMode networkMode() {
    return NetworkMode.parse(mode);
  }

  public boolean hostMode() {
    return networkMode().kind() == NetworkMode.Kind.HOST;
  }

  /** Kept only as the holder of a namespace others share; invisible to lookups. */
  public boolean retired() {
    return networkMode().kind() == NetworkMode.Kind.RETIRED;
  }
}
