package io.berth.events.network;

import io.berth.events.Protocol;

/**
 * A port publication in effect.
 *
 * @param protocol      tcp, udp or sctp
 * @param containerPort the port in the container
 * @param hostIp        the bound host address ({@code 0.0.0.0} or {@code ::} = every address)
 * @param hostPort      the bound host port
 */
public record PublishedPort(Protocol protocol, int containerPort, String hostIp, int hostPort) {
}
