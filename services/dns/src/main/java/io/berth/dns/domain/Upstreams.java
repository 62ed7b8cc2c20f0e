package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which servers names that are not ours go to, in Docker's order of precedence: the container's {@code --dns}, else
 * daemon.json {@code dns}, else the node's {@code /etc/resolv.conf} without loopback servers (a stub resolver on the
 * node's loopback is not reachable from where containers are). At most {@link #MAX} of them, in order.
 */
public final class Upstreams {
  /** Docker's {@code maxExtDNS}. */
  public static final int MAX = 3;

  private Upstreams() {}

  /** The upstream addresses for a container (null = a container with no settings of its own). */
  public static List<InetAddress> choose(ContainerDns container, NodeResolverSettings node) {
    List<String> wanted;
    boolean fromHost = false;
    if (container != null && !container.servers().isEmpty()) {
      wanted = container.servers();
    } else if (!node.daemonServers().isEmpty()) {
      wanted = node.daemonServers();
    } else {
      wanted = node.host().nameservers();
      fromHost = true;
    }
    List<InetAddress> out = new ArrayList<>();
    for (String s : wanted) {
      InetAddress a;
      try {
        a = Addresses.parse(stripZone(s));
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (fromHost && a.isLoopbackAddress()) {
        continue;
      }
      if (!out.contains(a)) {
        out.add(a);
      }
      if (out.size() == MAX) {
        break;
      }
    }
    return List.copyOf(out);
  }

  private static String stripZone(String s) {
    int pct = s.indexOf('%');
    return pct > 0 ? s.substring(0, pct) : s;
  }
}
