package io.berth.network.fakes;

import io.berth.network.host.HostNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The node's namespace in memory: links by name, bridges with their addresses, prefixes in use. */
public final class MemoryHostNetwork implements HostNetwork {
  public final Map<String, List<String>> bridges = new ConcurrentHashMap<>();
  public final Set<String> links = ConcurrentHashMap.newKeySet();
  public final List<String> prefixes = new ArrayList<>();
  public volatile boolean forwarding;

  @Override
  public void createBridge(String name, int mtu, List<String> addresses) {
    if (!links.add(name)) {
      throw new IllegalStateException("ip link add " + name + ": file exists");
    }
    bridges.put(name, List.copyOf(addresses));
  }

  @Override
  public void deleteLink(String name) {
    links.remove(name);
    bridges.remove(name);
  }

  @Override
  public boolean linkExists(String name) {
    return links.contains(name);
  }

  @Override
  public List<String> linkNames() {
    return List.copyOf(links);
  }

  @Override
  public List<String> prefixesInUse() {
    return List.copyOf(prefixes);
  }

  @Override
  public void enableForwarding(boolean ipv6) {
    forwarding = true;
  }

  @Override
  public void bridgeNetfilter(boolean on) {
  }
}
