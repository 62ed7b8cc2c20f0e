package io.berth.dns.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names and addresses of one network at one moment: immutable, part of a {@link RecordSnapshot}.
 *
 * @param networkId   the network
 * @param networkName its name
 * @param ipv4        name → IPv4 addresses, with their answer records encoded
 * @param ipv6        name → IPv6 addresses, with their answer records encoded
 * @param members     address → the endpoint that has it (PTR answers and the source check)
 */
public record NetworkZone(String networkId, String networkName, Map<String, AddressRecords> ipv4,
                          Map<String, AddressRecords> ipv6, Map<InetAddress, EndpointRecord> members) {

  static NetworkZone of(String networkId, String networkName, List<EndpointRecord> endpoints) {
    Map<String, List<InetAddress>> v4 = new HashMap<>();
    Map<String, List<InetAddress>> v6 = new HashMap<>();
    Map<InetAddress, EndpointRecord> members = new HashMap<>();
    for (EndpointRecord e : endpoints) {
      InetAddress a4 = e.ipv4Address();
      InetAddress a6 = e.ipv6Address();
      for (String name : e.dnsNames()) {
        if (a4 != null) {
          v4.computeIfAbsent(name, k -> new ArrayList<>()).add(a4);
        }
        if (a6 != null) {
          v6.computeIfAbsent(name, k -> new ArrayList<>()).add(a6);
        }
        if (a4 == null && a6 == null) {
          // A name without addresses still exists: AAAA/A for it is "no data", not "no such name".
          v4.computeIfAbsent(name, k -> new ArrayList<>());
        }
      }
      if (a4 != null) {
        members.put(a4, e);
      }
      if (a6 != null) {
        members.put(a6, e);
      }
    }
    return new NetworkZone(networkId, networkName, freeze(v4), freeze(v6), Collections.unmodifiableMap(members));
  }

  /** Whether any endpoint on this network answers to the name (in either family). */
  public boolean knows(String canonicalName) {
    return ipv4.containsKey(canonicalName) || ipv6.containsKey(canonicalName);
  }

  /** The addresses of a name in one family; empty when unknown. */
  public List<InetAddress> addresses(String canonicalName, boolean v6) {
    return records(canonicalName, v6).addresses();
  }

  /** The addresses of a name in one family with their encoded answer records; empty when unknown. */
  public AddressRecords records(String canonicalName, boolean v6) {
    return (v6 ? ipv6 : ipv4).getOrDefault(canonicalName, AddressRecords.EMPTY);
  }

  /** The endpoint with this address on this network, or null. */
  public EndpointRecord member(InetAddress address) {
    return members.get(address);
  }

  /** Whether {@code address} is an IPv4 address (helper for callers choosing a family). */
  static boolean isV4(InetAddress address) {
    return address instanceof Inet4Address;
  }

  private static Map<String, AddressRecords> freeze(Map<String, List<InetAddress>> m) {
    Map<String, AddressRecords> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, AddressRecords.of(v)));
    return Collections.unmodifiableMap(out);
  }
}
