package io.berth.dns.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * A network as the resolver needs it: whether it resolves names, where its gateways are, and whether this node
 * listens for it.
 *
 * @param id         the network id
 * @param name       its name
 * @param driver     its driver
 * @param node       the node that owns it (local scope), or the creator (swarm scope)
 * @param swarm      swarm scope: every node has it
 * @param gateways   gateway addresses, IPv4 first
 * @param dnsEnabled containers on it resolve each other's names (user-defined networks)
 */
public record NetworkInfo(String id, String name, String driver, String node, boolean swarm, List<String> gateways,
                          boolean dnsEnabled) {
  private static final List<String> RESOLVING_DRIVERS = List.of("bridge", "overlay", "macvlan", "ipvlan");

  public NetworkInfo {
    gateways = gateways == null ? List.of() : List.copyOf(gateways);
  }

  /** Docker's rule: user-defined networks of these drivers resolve names; the default {@code bridge} does not. */
  public static boolean resolvesNames(String name, String driver) {
    return !"bridge".equals(name) && RESOLVING_DRIVERS.contains(driver == null ? "bridge" : driver);
  }

  /** Whether {@code nodeName} runs this network's resolver. */
  public boolean servedOn(String nodeName) {
    return dnsEnabled && (swarm || nodeName.equals(node));
  }

  /** The address containers use as their name server: the IPv4 gateway, else the IPv6 one, else null. */
  public InetAddress resolverAddress() {
    InetAddress v6 = null;
    for (String g : gateways) {
      InetAddress a = Addresses.parseOrNull(g);
      if (a instanceof Inet4Address) {
        return a;
      }
      if (v6 == null) {
        v6 = a;
      }
    }
    return v6;
  }

  /** This network with one more gateway (a gateway learnt from a sandbox). */
  public NetworkInfo withGateway(String gateway) {
    if (gateways.contains(gateway)) {
      return this;
    }
    List<String> more = new java.util.ArrayList<>(gateways);
    more.add(gateway);
    return new NetworkInfo(id, name, driver, node, swarm, more, dnsEnabled);
  }
}
