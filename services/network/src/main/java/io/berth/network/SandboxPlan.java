package io.berth.network;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.NetworkAttachment;
import io.berth.events.container.PortBinding;
import io.berth.kit.errors.BerthException;
import io.berth.network.domain.BridgeOptions;
import io.berth.network.domain.Network;
import io.berth.network.domain.PortRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a container's networking will be, worked out before anything is allocated: its mode ({@code host},
 * {@code none} or networks; {@code container:<id>} is {@link SharedSandboxes}' business), the networks in interface
 * order with their attachment settings, and the parsed port requests. Refusals carry Docker's messages.
 *
 * @param mode        {@code host}, {@code none} or {@code bridge} (any driver with interfaces)
 * @param networks    the networks to join, {@code eth0} first
 * @param attachments the attachment settings, same order
 * @param ports       the port requests (bridge mode only)
 */
record SandboxPlan(String mode, List<Network> networks, List<NetworkAttachment> attachments, List<PortRequest> ports) {
  static final String HOST = "host";
  static final String NONE = "none";
  static final String BRIDGE = "bridge";

  static SandboxPlan of(ContainerCreated c, NetworkController networks) {
    List<NetworkAttachment> wanted = new ArrayList<>(c.networks());
    if (wanted.isEmpty()) {
      wanted.add(new NetworkAttachment(c.networkMode(), List.of(), null, null, null, Map.of()));
    }
    List<Network> nets = new ArrayList<>();
    for (NetworkAttachment a : wanted) {
      String ref = a.network() == null || a.network().isEmpty() ? c.networkMode() : a.network();
      Network n = ref.equals("default") ? networks.defaultBridge() : networks.resolve(ref);
      if (nets.stream().anyMatch(x -> x.id().equals(n.id()))) {
        throw BerthException.invalid("container cannot be connected to network %s twice", n.name());
      }
      nets.add(n);
    }
    String mode = BRIDGE;
    for (Network n : nets) {
      if (n.driver().equals("host") || n.driver().equals("null")) {
        if (nets.size() > 1) {
          throw BerthException.invalid(n.driver().equals("host")
              ? "container sharing network namespace with another container or host cannot be connected to any "
                  + "other network"
              : "container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        mode = n.driver().equals("host") ? HOST : NONE;
      }
    }
    List<PortRequest> ports = new ArrayList<>();
    if (mode.equals(BRIDGE)) {
      String option = nets.get(0).options().get(BridgeOptions.HOST_BINDING);
      String binding = option == null ? "0.0.0.0" : option;
      // Docker binds an address-less publication on 0.0.0.0 and [::]; without a userland proxy the IPv6 half
      // needs an IPv6 address in the container to DNAT to, so only when the gateway network has IPv6.
      Network gateway = gatewayNetwork(nets);
      boolean dual = option == null && gateway != null && gateway.ipv6Pool() != null;
      for (PortBinding b : c.portBindings()) {
        String proto = b.protocol().wireName();
        ports.add(PortRequest.parse(proto, b.containerPort(), b.hostIp(), b.hostPort(), binding));
        if (dual && (b.hostIp() == null || b.hostIp().isEmpty())) {
          ports.add(PortRequest.parse(proto, b.containerPort(), "::", b.hostPort(), binding));
        }
      }
    }
    return new SandboxPlan(mode, nets, wanted, ports);
  }

  /** The network whose endpoint will carry the default route and the published ports (see the controller). */
  private static Network gatewayNetwork(List<Network> nets) {
    return nets.stream().filter(n -> n.ipv4Pool() != null && !n.internal()).findFirst()
        .orElse(nets.stream().filter(n -> n.ipv4Pool() != null).findFirst().orElse(null));
  }
}
