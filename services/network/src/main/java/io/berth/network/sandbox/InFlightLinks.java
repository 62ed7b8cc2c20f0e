package io.berth.network.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host interfaces made for endpoints not stored yet: from the moment a veth is made until its endpoint is in the
 * state (or the veth is gone), it is here, so the {@link LinkSweeper} leaves it alone.
 */
public final class InFlightLinks {
  private final Set<String> links = ConcurrentHashMap.newKeySet();

  void add(String hostIf) {
    links.add(hostIf);
  }

  void remove(String hostIf) {
    if (hostIf != null) {
      links.remove(hostIf);
    }
  }

  boolean contains(String hostIf) {
    return links.contains(hostIf);
  }

  Set<String> snapshot() {
    return Set.copyOf(links);
  }
}
