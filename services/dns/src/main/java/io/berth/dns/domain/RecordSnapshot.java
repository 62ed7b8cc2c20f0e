package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name-resolving endpoint of the cluster at one moment, indexed for lookups. Immutable: a change builds a new
 * snapshot and {@link RecordStore} swaps it in atomically, so a query sees one consistent state without locks (the
 * aardvark-dns way).
 */
public final class RecordSnapshot {
  /** The snapshot with no endpoints. */
  public static final RecordSnapshot EMPTY = of(List.of());

  private final Map<String, NetworkZone> byNetworkId;
  private final Map<String, NetworkZone> byNetworkName;
  private final Map<String, List<NetworkZone>> zonesOfContainer;
  private final int endpoints;

  private RecordSnapshot(Map<String, NetworkZone> byNetworkId, Map<String, NetworkZone> byNetworkName,
                         Map<String, List<NetworkZone>> zonesOfContainer, int endpoints) {
    this.byNetworkId = byNetworkId;
    this.byNetworkName = byNetworkName;
    this.zonesOfContainer = zonesOfContainer;
    this.endpoints = endpoints;
  }

  /** Indexes the endpoints; those on networks without name resolution are left out. */
  public static RecordSnapshot of(Collection<EndpointRecord> all) {
    List<EndpointRecord> sorted = all.stream().filter(EndpointRecord::dnsEnabled)
        .sorted(Comparator.comparing(EndpointRecord::endpointId)).toList();
    Map<String, List<EndpointRecord>> perNetwork = new LinkedHashMap<>();
    for (EndpointRecord e : sorted) {
      perNetwork.computeIfAbsent(e.networkId(), k -> new ArrayList<>()).add(e);
    }
    Map<String, NetworkZone> byId = new HashMap<>();
    Map<String, NetworkZone> byName = new HashMap<>();
    for (var entry : perNetwork.entrySet()) {
      List<EndpointRecord> eps = entry.getValue();
      NetworkZone zone = NetworkZone.of(entry.getKey(), eps.get(0).networkName(), eps);
      byId.put(zone.networkId(), zone);
      if (zone.networkName() != null) {
        byName.put(DnsNames.canonical(zone.networkName()), zone);
      }
    }
    Map<String, List<NetworkZone>> ofContainer = new HashMap<>();
    for (EndpointRecord e : sorted) {
      List<NetworkZone> zones = ofContainer.computeIfAbsent(e.containerId(), k -> new ArrayList<>());
      NetworkZone z = byId.get(e.networkId());
      if (!zones.contains(z)) {
        zones.add(z);
      }
    }
    ofContainer.replaceAll((k, v) -> List.copyOf(v));
    return new RecordSnapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(ofContainer), sorted.size());
  }

  /** The network's zone, or null when no name-resolving endpoint is on it. */
  public NetworkZone zone(String networkId) {
    return byNetworkId.get(networkId);
  }

  /** A network's zone by its (canonical) name, or null. */
  public NetworkZone zoneNamed(String canonicalNetworkName) {
    return byNetworkName.get(canonicalNetworkName);
  }

  /** The networks a container resolves names on: every name-resolving network it has an endpoint on. */
  public List<NetworkZone> zonesOf(String containerId) {
    return zonesOfContainer.getOrDefault(containerId, List.of());
  }

  /** The endpoint on {@code networkId} with this source address, or null: who is asking. */
  public EndpointRecord requester(String networkId, InetAddress source) {
    NetworkZone z = byNetworkId.get(networkId);
    return z == null ? null : z.member(source);
  }

  /** How many endpoints are indexed. */
  public int size() {
    return endpoints;
  }
}
