package io.berth.network.domain;

import io.berth.kit.errors.BerthException;

/**
 * A requested publication, parsed from a container's {@code PortBindings} entry.
 *
 * @param protocol      tcp, udp or sctp
 * @param containerPort the port in the container
 * @param hostIp        the address to bind ({@code 0.0.0.0} or {@code ::} = all of that family)
 * @param hostPortLow   first acceptable host port; 0 = any free ephemeral port
 * @param hostPortHigh  last acceptable host port (= low for a single port)
 */
public record PortRequest(String protocol, int containerPort, String hostIp, int hostPortLow, int hostPortHigh)
    implements java.io.Serializable {
  /** Docker's dynamic range for {@code -p 80} / {@code -P}. */
  public static final int EPHEMERAL_LOW = 32768;
  public static final int EPHEMERAL_HIGH = 60999;

  /**
   * Parses one binding: {@code hostPort} is {@code ""} (any free port), {@code "5000"} or {@code "8000-8010"};
   * {@code hostIp} {@code ""} means every IPv4 address (the default binding, or the network's
   * {@code host_binding_ipv4}); the plan adds the {@code ::} sibling when the container gets IPv6.
   */
  public static PortRequest parse(String protocol, int containerPort, String hostIp, String hostPort,
                                  String defaultHostIp) {
    String proto = protocol == null || protocol.isEmpty() ? "tcp" : protocol.toLowerCase();
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw BerthException.invalid("invalid proto: %s", protocol);
    }
    if (containerPort < 1 || containerPort > 65535) {
      throw BerthException.invalid("invalid containerPort: %d", containerPort);
    }
    String ip = hostIp == null || hostIp.isEmpty() ? defaultHostIp : hostIp;
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    try {
      io.berth.network.ipam.Cidr.literal(ip);
    } catch (RuntimeException e) {
      throw BerthException.invalid("invalid IP address: %s", hostIp);
    }
    int low = 0;
    int high = 0;
    if (hostPort != null && !hostPort.isEmpty()) {
      String[] parts = hostPort.split("-", 2);
      try {
        low = Integer.parseInt(parts[0].trim());
        high = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : low;
      } catch (NumberFormatException e) {
        throw BerthException.invalid("invalid hostPort: %s", hostPort);
      }
      if (low < 1 || high > 65535 || high < low) {
        throw BerthException.invalid("invalid hostPort: %s", hostPort);
      }
    }
    return new PortRequest(proto, containerPort, ip, low, high);
  }

  public boolean dynamic() {
    return hostPortLow == 0;
  }

  public boolean v6() {
    return hostIp.contains(":");
  }
}
