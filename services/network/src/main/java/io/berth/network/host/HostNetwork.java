package io.berth.network.host;

import java.util.List;

/**
 * The network namespace the node runs in ("the host" for this service), as drivers and reconciliation see it:
 * bridges, links, and what is routed or addressed there. Everything berth makes here carries a recognisable name
 * ({@code br-<id12>}, {@code berth0}, {@code vb<hash>}). Every call blocks; the real one is
 * {@link NetlinkHostNetwork}.
 */
public interface HostNetwork {
  /** Whether {@code name} is a device berth made: {@code br-*}, {@code berth0}, {@code vb*}. */
  static boolean isBerthLink(String name) {
    return name != null && (name.startsWith("br-") || name.equals("berth0") || name.matches("vb[0-9a-f]{12}"));
  }

  /** Creates the bridge with its gateway addresses and brings it up, or fails having left nothing. */
  void createBridge(String name, int mtu, List<String> addresses);

  /** Deletes a link; a missing link is not an error. */
  void deleteLink(String name);

  boolean linkExists(String name);

  /** Names of the links in the node's namespace. */
  List<String> linkNames();

  /** Prefixes of every route and address in the node's namespace, which a new network's subnet must not overlap. */
  List<String> prefixesInUse();

  /** Turns on IPv4 (and IPv6, if asked) forwarding in the node's namespace, as Docker does. */
  void enableForwarding(boolean ipv6);

  /** Makes bridged traffic pass the forward hook, needed to drop traffic inside a network ({@code enable_icc=false}). */
  void bridgeNetfilter(boolean on);
}
