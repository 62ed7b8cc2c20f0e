package io.berth.dns.domain;

import java.util.List;

/** Endpoints for resolver tests. */
final class Fixtures {
  static final String C1 = "c1".repeat(32);
  static final String C2 = "c2".repeat(32);
  static final String C3 = "c3".repeat(32);

  private Fixtures() {}

  /** A container that set none of the resolver options. */
  static ContainerDns plain(String id, String name) {
    return new ContainerDns(id, name, "n1", "", "", List.of(), List.of(), List.of(), List.of(), List.of());
  }

  static EndpointRecord ep(String id, String net, String container, String name, String ipv4, String ipv6,
                           String... aliases) {
    return new EndpointRecord(id, net + "-id", net, container, name, "", List.of(aliases), ipv4, ipv6, "n1", true);
  }
}
