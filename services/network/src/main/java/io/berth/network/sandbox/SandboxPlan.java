package io.berth.network.sandbox;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.kit.errors.BerthException;
import io.berth.network.domain.BridgeOptions;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Ids;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkMode;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.PortRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a container's networking will be, worked out before anything is allocated: its mode ({@code host},
 * {@code none} or {@code bridge}; {@code container:<id>} is {@link SharedSandboxes}' business), the networks in
 * interface order with their attachment settings and the ids their endpoints will have, the parsed port requests,
 * and which endpoint is the gateway. Refusals carry Docker's messages. Pure: it touches nothing.
 *
 * <p>The gateway endpoint carries the sandbox's default route and the published ports: the first endpoint with an
 * IPv4 address on a network that is not internal, else the first with an IPv4 address at all (Docker's choice).
 *
 * @param mode        {@code host}, {@code none} or {@code bridge} (any driver with interfaces)
 * @param networks    the networks to join, {@code eth0} first
 * @param attachments the attachment settings, same order
 * @param endpointIds the ids of the endpoints to make, same order
 * @param ports       the port requests (bridge mode only)
 */
public record SandboxPlan(NetworkMode mode, List<Network> networks, List<NetworkAttachment> attachments,
                          List<String> endpointIds, List<PortRequest> ports) {

  /**
   * The plan for a container.
   *
   * @param networks looks a network up by Docker's rules ({@code default} = the node's default bridge)
   */
  public static SandboxPlan of(ContainerCreated c, Function<String, Network> networks) {
    List<NetworkAttachment> wanted = new ArrayList<>(c.networks());
    if (wanted.isEmpty()) {
      wanted.add(new NetworkAttachment(c.networkMode(), List.of(), null, null, null, Map.of()));
    }
    List<Network> nets = new ArrayList<>();
    for (NetworkAttachment a : wanted) {
      String ref = a.network() == null || a.network().isEmpty() ? c.networkMode() : a.network();
      Network n = networks.apply(ref);
      if (nets.stream().anyMatch(x -> x.id().equals(n.id()))) {
        throw BerthException.invalid("container cannot be connected to network %s twice", n.name());
      }
      nets.add(n);
    }
    NetworkMode mode = NetworkMode.BRIDGE;
    for (Network n : nets) {
      if (n.driver().equals("host") || n.driver().equals("null")) {
        if (nets.size() > 1) {
          throw BerthException.invalid(n.driver().equals("host")
              ? "container sharing network namespace with another container or host cannot be connected to any "
                  + "other network"
              : "container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        mode = n.driver().equals("host") ? NetworkMode.HOST : NetworkMode.NONE;
      }
    }
    List<PortRequest> ports = new ArrayList<>();
    if (mode.equals(NetworkMode.BRIDGE)) {
      String option = nets.get(0).options().get(BridgeOptions.HOST_BINDING);
      String binding = option == null ? "0.0.0.0" : option;
      // Docker binds an address-less publication on 0.0.0.0 and [::]; without a userland proxy the IPv6 half
      // needs an IPv6 address in the container to DNAT to, so only when the gateway network has IPv6.
      int gateway = gatewayIndex(nets);
      boolean dual = option == null && gateway >= 0 && nets.get(gateway).ipv6Pool() != null;
      for (PortBinding b : c.portBindings()) {
        String proto = b.protocol().wireName();
        ports.add(PortRequest.parse(proto, b.containerPort(), b.hostIp(), b.hostPort(), binding));
        if (dual && (b.hostIp() == null || b.hostIp().isEmpty())) {
          ports.add(PortRequest.parse(proto, b.containerPort(), "::", b.hostPort(), binding));
        }
      }
    }
    List<String> ids = nets.stream().map(n -> Ids.random()).toList();
    return new SandboxPlan(mode, nets, wanted, ids, ports);
  }

  /** The index of the network whose endpoint is the gateway, or -1 when no network has IPv4. */
  public int gatewayIndex() {
    return gatewayIndex(networks);
  }

  /** The id of the endpoint that carries the published ports (the gateway's, else the first). */
  public String publishingEndpointId() {
    int g = gatewayIndex();
    return endpointIds.isEmpty() ? "" : endpointIds.get(Math.max(g, 0));
  }

  /** The publications in effect once request {@code i} got host port {@code hostPorts[i]}. */
  public List<PortMapping> published(int[] hostPorts, Endpoint gateway) {
    return PortMappings.of(ports, hostPorts, gateway);
  }

  private static int gatewayIndex(List<Network> nets) {
    for (int i = 0; i < nets.size(); i++) {
      if (nets.get(i).ipv4Pool() != null && !nets.get(i).internal()) {
        return i;
      }
    }
    for (int i = 0; i < nets.size(); i++) {
      if (nets.get(i).ipv4Pool() != null) {
        return i;
      }
    }
    return -1;
  }

  /** The gateway among a sandbox's endpoints (see the class comment), or {@code null}. */
  public static Endpoint gateway(List<Endpoint> endpoints, Function<String, Network> networks) {
    return endpoints.stream().filter(e -> e.ipv4() != null && !internal(networks.apply(e.networkId()))).findFirst()
        .orElse(endpoints.stream().filter(e -> e.ipv4() != null).findFirst().orElse(null));
  }

  /**
   * Whether an endpoint joining a running sandbox ({@code docker network connect}) takes the default route: when
   * its network reaches out and no endpoint the sandbox has does.
   */
  public static boolean takesDefaultRoute(Network joining, List<Endpoint> existing,
                                          Function<String, Network> networks) {
    return !joining.internal()
        && existing.stream().noneMatch(e -> e.ipv4() != null && !internal(networks.apply(e.networkId())));
  }

  private static boolean internal(Network n) {
    return n != null && n.internal();
  }

  /** The first free {@code eth<n>} among a sandbox's endpoints. */
  public static String nextInterfaceName(List<Endpoint> existing) {
    for (int i = 0; ; i++) {
      String name = "eth" + i;
      if (existing.stream().noneMatch(e -> name.equals(e.ifName()))) {
        return name;
      }
    }
  }
}
