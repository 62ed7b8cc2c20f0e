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
    return assemble(zones(all), all);
  }

  /** The zone of every network with a name-resolving endpoint, built from the endpoints (any order). */
  static Map<String, NetworkZone> zones(Collection<EndpointRecord> all) {
    Map<String, List<EndpointRecord>> perNetwork = new LinkedHashMap<>();
    for (EndpointRecord e : sorted(all)) {
      perNetwork.computeIfAbsent(e.networkId(), k -> new ArrayList<>()).add(e);
    }
    Map<String, NetworkZone> out = new HashMap<>();
    perNetwork.forEach((id, eps) -> out.put(id, NetworkZone.of(id, eps.get(0).networkName(), eps)));
    return out;
  }

  /**
   * Indexes zones already built (a change rebuilds only the zones of the networks it touched; building a zone
   * is the costly part: names, addresses, encoded records) with every endpoint they were built from.
   */
  static RecordSnapshot assemble(Map<String, NetworkZone> zones, Collection<EndpointRecord> all) {
    List<EndpointRecord> sorted = sorted(all);
    Map<String, NetworkZone> byId = new HashMap<>(zones);
    Map<String, NetworkZone> byName = new HashMap<>();
    for (NetworkZone zone : byId.values()) {
      if (zone.networkName() != null) {
        byName.put(DnsNames.canonical(zone.networkName()), zone);
      }
    }
    Map<String, List<NetworkZone>> ofContainer = new HashMap<>();
    for (EndpointRecord e : sorted) {
      List<NetworkZone> zonesOf = ofContainer.computeIfAbsent(e.containerId(), k -> new ArrayList<>());
      NetworkZone z = byId.get(e.networkId());
      if (z != null && !zonesOf.contains(z)) {
        zonesOf.add(z);
      }
    }
    ofContainer.replaceAll((k, v) -> List.copyOf(v));
    return new RecordSnapshot(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(ofContainer), sorted.size());
  }

  private static List<EndpointRecord> sorted(Collection<EndpointRecord> all) {
    return all.stream().filter(EndpointRecord::dnsEnabled).sorted(Comparator.comparing(EndpointRecord::endpointId))
        .toList();
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
