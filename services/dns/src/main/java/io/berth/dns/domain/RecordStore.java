package io.berth.dns.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The resolver's records: endpoints by id, published to readers as an immutable {@link RecordSnapshot} that every
 * change replaces whole. Writers are serialised; readers never block and never see a half-applied change.
 *
 * <p>An endpoint comes from the network service and its container's hostname from {@code container.created}, two
 * topics read in no fixed order: the store keeps both as they came and joins them when it builds a zone, so the
 * hostname answers whichever arrives first, and neither fact is rewritten to patch in the other.
 */
public final class RecordStore {
  private final Map<String, EndpointRecord> endpoints = new HashMap<>();
  /** Container id → its hostname, for containers that set one. */
  private final Map<String, String> hostnames = new HashMap<>();
  /** The zone of each network as of the last change; only networks a change touches are rebuilt. */
  private final Map<String, NetworkZone> zones = new HashMap<>();
  private final AtomicReference<RecordSnapshot> current = new AtomicReference<>(RecordSnapshot.EMPTY);

  /** The records as of now. */
  public RecordSnapshot snapshot() {
    return current.get();
  }

  /** Adds or replaces an endpoint; returns whether anything changed. */
  public synchronized boolean upsert(EndpointRecord endpoint) {
    EndpointRecord old = endpoints.put(endpoint.endpointId(), endpoint);
    if (endpoint.equals(old)) {
      return false;
    }
    publish(old == null || old.networkId().equals(endpoint.networkId()) ? Set.of(endpoint.networkId())
        : Set.of(endpoint.networkId(), old.networkId()));
    return true;
  }

  /** Removes an endpoint; returns whether it was there. */
  public synchronized boolean remove(String endpointId) {
    EndpointRecord old = endpoints.remove(endpointId);
    if (old == null) {
      return false;
    }
    publish(Set.of(old.networkId()));
    return true;
  }

  /**
   * Sets the hostname a container's endpoints answer to ({@code ""}: none, the short id only); returns whether
   * anything changed.
   */
  public synchronized boolean hostname(String containerId, String hostname) {
    String old = hostname == null || hostname.isEmpty() ? hostnames.remove(containerId)
        : hostnames.put(containerId, hostname);
    if (Objects.equals(old, hostname == null || hostname.isEmpty() ? null : hostname)) {
      return false;
    }
    Set<String> touched = new HashSet<>();
    for (EndpointRecord e : endpoints.values()) {
      if (e.containerId().equals(containerId)) {
        touched.add(e.networkId());
      }
    }
    if (!touched.isEmpty()) {
      publish(touched);
    }
    return true;
  }

  /** Replaces every endpoint (a rebuild from the cluster map). */
  public synchronized void replaceAll(Collection<EndpointRecord> all) {
    endpoints.clear();
    all.forEach(e -> endpoints.put(e.endpointId(), e));
    zones.clear();
    zones.putAll(RecordSnapshot.zones(endpoints.values().stream().map(this::named).toList()));
    current.set(RecordSnapshot.assemble(zones, endpoints.values()));
  }

  /** The endpoint with this id, or null. */
  public synchronized EndpointRecord get(String endpointId) {
    return endpoints.get(endpointId);
  }

  /** Every endpoint of a container (on any network, resolving or not). */
  public synchronized List<EndpointRecord> ofContainer(String containerId) {
    return endpoints.values().stream().filter(e -> e.containerId().equals(containerId))
        .sorted(Comparator.comparing(EndpointRecord::endpointId)).toList();
  }

  /** Every endpoint on a network. */
  public synchronized List<EndpointRecord> onNetwork(String networkId) {
    return endpoints.values().stream().filter(e -> e.networkId().equals(networkId))
        .sorted(Comparator.comparing(EndpointRecord::endpointId)).toList();
  }

  /** Rebuilds the zones of the networks a change touched, then swaps in a snapshot over every zone. */
  private void publish(Set<String> touched) {
    for (String networkId : touched) {
      List<EndpointRecord> on = endpoints.values().stream().filter(e -> e.networkId().equals(networkId))
          .map(this::named).toList();
      NetworkZone zone = RecordSnapshot.zones(on).get(networkId);
      if (zone == null) {
        zones.remove(networkId);
      } else {
        zones.put(networkId, zone);
      }
    }
    current.set(RecordSnapshot.assemble(zones, endpoints.values()));
  }

  /** The endpoint with its container's hostname, when the container set one. */
  private EndpointRecord named(EndpointRecord e) {
    String h = hostnames.get(e.containerId());
    return h == null || h.equals(e.hostname()) ? e : e.withHostname(h);
  }
}
