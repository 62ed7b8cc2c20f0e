package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One endpoint as the resolver sees it: the names a container answers to on one network and its addresses there.
 *
 * @param endpointId    the endpoint
 * @param networkId     its network
 * @param networkName   its network's name ({@code <name>.<network>} lookups)
 * @param containerId   the container (64 hex; its first 12 characters are a DNS name too)
 * @param containerName the container name, without Docker's leading slash
 * @param hostname      the container's hostname, or empty when it is the short id
 * @param aliases       network aliases
 * @param ipv4          IPv4 address with or without prefix, or {@code null}
 * @param ipv6          IPv6 address with or without prefix, or {@code null}
 * @param node          the node the container runs on
 * @param dnsEnabled    the network resolves names (user-defined networks; not the default bridge)
 */
public record EndpointRecord(String endpointId, String networkId, String networkName, String containerId,
                             String containerName, String hostname, List<String> aliases, String ipv4, String ipv6,
                             String node, boolean dnsEnabled) {

  public EndpointRecord {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    hostname = hostname == null ? "" : hostname;
  }

  /** The same endpoint with the container's hostname filled in. */
  public EndpointRecord withHostname(String value) {
    return new EndpointRecord(endpointId, networkId, networkName, containerId, containerName, value, aliases, ipv4,
        ipv6, node, dnsEnabled);
  }

  /** The first 12 characters of the container id, as {@code docker ps} shows it. */
  public String shortId() {
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }

  /**
   * Every name this endpoint answers to, lower-cased, in Docker's {@code DNSNames} order: container name, aliases,
   * short id, hostname.
   */
  public List<String> dnsNames() {
    Set<String> names = new LinkedHashSet<>();
    add(names, containerName);
    aliases.forEach(a -> add(names, a));
    add(names, shortId());
    add(names, hostname);
    return new ArrayList<>(names);
  }

  /** The IPv4 address without its prefix, or null. */
  public InetAddress ipv4Address() {
    return Addresses.parseOrNull(ipv4);
  }

  /** The IPv6 address without its prefix, or null. */
  public InetAddress ipv6Address() {
    return Addresses.parseOrNull(ipv6);
  }

  private static void add(Set<String> names, String name) {
    if (name != null && !name.isBlank()) {
      names.add(DnsNames.canonical(name));
    }
  }

  @Override
  public String toString() {
    return "endpoint " + endpointId + " (" + containerName + " on " + networkName + ")";
  }
}
