package io.berth.dns.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The resolver's records: endpoints by id, published to readers as an immutable {@link RecordSnapshot} that every
 * change replaces whole. Writers are serialised; readers never block and never see a half-applied change.
 */
public final class RecordStore {
  private final Map<String, EndpointRecord> endpoints = new HashMap<>();
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
    publish();
    return true;
  }

  /** Removes an endpoint; returns whether it was there. */
  public synchronized boolean remove(String endpointId) {
    if (endpoints.remove(endpointId) == null) {
      return false;
    }
    publish();
    return true;
  }

  /** Replaces every endpoint (a rebuild from the cluster map). */
  public synchronized void replaceAll(Collection<EndpointRecord> all) {
    endpoints.clear();
    all.forEach(e -> endpoints.put(e.endpointId(), e));
    publish();
  }

  /** The endpoint with this id, or null. */
  public synchronized EndpointRecord get(String endpointId) {
    return endpoints.get(endpointId);
  }

  /** Every endpoint of a container (on any network, resolving or not). */
  public synchronized java.util.List<EndpointRecord> ofContainer(String containerId) {
    return endpoints.values().stream().filter(e -> e.containerId().equals(containerId))
        .sorted(java.util.Comparator.comparing(EndpointRecord::endpointId)).toList();
  }

  /** Every endpoint on a network. */
  public synchronized java.util.List<EndpointRecord> onNetwork(String networkId) {
    return endpoints.values().stream().filter(e -> e.networkId().equals(networkId))
        .sorted(java.util.Comparator.comparing(EndpointRecord::endpointId)).toList();
  }

  private void publish() {
    current.set(RecordSnapshot.of(new HashMap<>(endpoints).values()));
  }
}
