package io.berth.events.container;

import io.berth.events.Defaults;
import io.berth.events.Protocol;

/**
 * A requested port publication ({@code --publish hostIp:hostPort:containerPort/protocol}).
 *
 * @param containerPort the port inside the container
 * @param protocol      tcp (the default), udp or sctp
 * @param hostIp        the host address to bind; {@code ""} = every address
 * @param hostPort      the host port or range ({@code 8000-8010}); {@code ""} = any free port
 */
public record PortBinding(int containerPort, Protocol protocol, String hostIp, String hostPort) {

  public PortBinding {
    protocol = Defaults.or(protocol, Protocol.TCP);
    hostIp = Defaults.or(hostIp, "");
    hostPort = Defaults.or(hostPort, "");
  }
}
