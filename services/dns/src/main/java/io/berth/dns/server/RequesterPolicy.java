package io.berth.dns.server;

import java.net.InetSocketAddress;
import java.util.List;

/** Per-container resolver settings the server needs while answering. */
public interface RequesterPolicy {

  /** Where the container's names that are not ours go, in order, at most three. */
  List<InetSocketAddress> upstreams(String containerId);

  /** Whether the container's user set {@code ndots} in its resolver options. */
  boolean setsNdots(String containerId);
}
