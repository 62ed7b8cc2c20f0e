package io.berth.network.domain;

/**
 * A port publication in effect: {@code hostIp:hostPort} on the node forwards to {@code containerIp:containerPort}.
 *
 * @param protocol      tcp, udp or sctp
 * @param containerPort port in the container
 * @param hostIp        bound host address; {@code 0.0.0.0} / {@code ::} = every address of the family
 * @param hostPort      bound host port
 * @param containerIp   the container address the traffic goes to (no prefix)
 */
public record PortMapping(String protocol, int containerPort, String hostIp, int hostPort, String containerIp)
    implements java.io.Serializable {
  public boolean v6() {
    return hostIp.contains(":");
  }

  /** Docker's {@code NetworkSettings.Ports} key, e.g. {@code 80/tcp}. */
  public String portKey() {
    return containerPort + "/" + protocol;
  }
}
