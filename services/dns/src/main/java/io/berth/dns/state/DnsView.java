package io.berth.dns.state;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.domain.SandboxFacts;
import io.berth.dns.domain.SandboxReadiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state entry this node has seen, from its own writes, the cluster map's listener or a rebuild, applied as it
 * came: endpoints into the {@link RecordStore} the resolver answers from, containers' settings, networks and ready
 * sandboxes beside it. Applying is idempotent, so the same entry from an event handler and from the map listener
 * changes nothing twice. The map listener applies on Hazelcast's threads while handlers apply on the service's
 * context, hence the concurrent maps.
 */
public final class DnsView {
  private static final Logger LOG = LoggerFactory.getLogger(DnsView.class);

  /** Told when a network becomes known or is forgotten: the resolver listens on its gateways. */
  public interface NetworkWatcher {
    void known(NetworkInfo network);

    void forgotten(String networkId);
  }

  private final RecordStore records;
  private final Map<String, ContainerDns> containers = new ConcurrentHashMap<>();
  private final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();
  private final Map<String, SandboxReadiness> sandboxes = new ConcurrentHashMap<>();
  private volatile NetworkWatcher watcher;

  public DnsView(RecordStore records) {
    this.records = records;
  }

  /** Starts telling {@code value} about networks, those already known first. */
  public void watch(NetworkWatcher value) {
    this.watcher = value;
    networks.values().forEach(value::known);
  }

  public RecordStore records() {
    return records;
  }

  /** Applies one state entry. */
  public void apply(DnsState s) {
    if (s.endpoint() != null) {
      records.upsert(s.endpoint());
    } else if (s.container() != null) {
      containers.put(s.container().containerId(), s.container());
      records.hostname(s.container().containerId(), s.container().hostname());
    } else if (s.network() != null) {
      networks.put(s.network().id(), s.network());
      NetworkWatcher w = watcher;
      if (w != null) {
        w.known(s.network());
      }
    } else if (s.sandbox() != null) {
      sandboxes.put(s.sandbox().containerId(), s.sandbox());
    }
  }

  /** Forgets the entry under {@code key}. */
  public void forget(String key) {
    int slash = key.indexOf('/');
    String id = key.substring(slash + 1);
    switch (key.substring(0, slash)) {
      case "endpoint" -> records.remove(id);
      case "container" -> {
        containers.remove(id);
        records.hostname(id, "");
      }
      case "network" -> {
        networks.remove(id);
        NetworkWatcher w = watcher;
        if (w != null) {
          w.forgotten(id);
        }
      }
      case "sandbox" -> sandboxes.remove(id);
      default -> LOG.debug("unknown state key {}", key);
    }
  }

  /** A container's settings, or null. */
  public ContainerDns container(String containerId) {
    return containers.get(containerId);
  }

  /** A network, or null. */
  public NetworkInfo network(String networkId) {
    return networks.get(networkId);
  }

  /** Whether the container's sandbox is ready. */
  public boolean ready(String containerId) {
    return sandboxes.containsKey(containerId);
  }

  /** Every endpoint of a container. */
  public List<EndpointRecord> endpoints(String containerId) {
    return records.ofContainer(containerId);
  }

  /** The containers with an endpoint on a network. */
  public List<String> containersOn(String networkId) {
    return records.onNetwork(networkId).stream().map(EndpointRecord::containerId).distinct().toList();
  }

  /** What is known of a container for its files. */
  public SandboxFacts facts(String containerId) {
    List<EndpointRecord> endpoints = records.ofContainer(containerId);
    Map<String, NetworkInfo> theirs = new HashMap<>();
    for (EndpointRecord e : endpoints) {
      NetworkInfo n = networks.get(e.networkId());
      if (n != null) {
        theirs.put(n.id(), n);
      }
    }
    return new SandboxFacts(containers.get(containerId), ready(containerId), endpoints, theirs);
  }
}
