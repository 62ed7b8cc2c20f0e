package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Docker's embedded-resolver rules over a {@link RecordSnapshot}, with no I/O: who may ask, which names are ours and
 * what they resolve to. A requester sees the names of every network its container is on, by container name, alias,
 * short id, hostname and {@code <name>.<network>}; never the names of other networks.
 */
public final class Resolver {
  private final AtomicInteger rotation = new AtomicInteger();

  /**
   * Resolves one question.
   *
   * @param snapshot      the records
   * @param networkId     the network whose listener received the query
   * @param source        the query's source address
   * @param name          the question name
   * @param type          the question type
   * @param userSetNdots  the requester's resolver options set {@code ndots} (Docker then answers an unknown
   *                      single-label A/AAAA with an empty success instead of forwarding, so the client tries its
   *                      search domains)
   */
  public Resolution resolve(RecordSnapshot snapshot, String networkId, InetAddress source, String name,
                            QueryType type, boolean userSetNdots) {
    EndpointRecord requester = snapshot.requester(networkId, source);
    if (requester == null) {
      return Resolution.REFUSED;
    }
    String q = DnsNames.canonical(name);
    List<NetworkZone> scope = snapshot.zonesOf(requester.containerId());
    return switch (type) {
      case A, AAAA -> addresses(scope, snapshot, q, type == QueryType.AAAA, userSetNdots);
      case PTR -> pointer(scope, q);
      case MX -> find(scope, snapshot, q).isPresent() ? Resolution.NO_DATA : Resolution.FORWARD;
      case OTHER -> Resolution.FORWARD;
    };
  }

  private Resolution addresses(List<NetworkZone> scope, RecordSnapshot snapshot, String q, boolean v6,
                               boolean userSetNdots) {
    Optional<Match> match = find(scope, snapshot, q);
    if (match.isEmpty()) {
      return userSetNdots && DnsNames.singleLabel(q) ? Resolution.NO_DATA : Resolution.FORWARD;
    }
    AddressRecords found = match.get().zone().records(match.get().name(), v6);
    if (found.isEmpty()) {
      return Resolution.NO_DATA;
    }
    return new Resolution.Addresses(found, rotation(found.size()));
  }

  /**
   * The first network in scope that knows the name; else {@code <name>.<network>}: the name split at each dot, the
   * right part naming a network in scope.
   */
  private static Optional<Match> find(List<NetworkZone> scope, RecordSnapshot snapshot, String q) {
    for (NetworkZone z : scope) {
      if (z.knows(q)) {
        return Optional.of(new Match(z, q));
      }
    }
    for (int dot = q.indexOf('.'); dot > 0; dot = q.indexOf('.', dot + 1)) {
      NetworkZone z = snapshot.zoneNamed(q.substring(dot + 1));
      String left = q.substring(0, dot);
      if (z != null && scope.contains(z) && z.knows(left)) {
        return Optional.of(new Match(z, left));
      }
    }
    return Optional.empty();
  }

  private static Resolution pointer(List<NetworkZone> scope, String q) {
    Optional<InetAddress> address = DnsNames.fromReverse(q);
    if (address.isEmpty()) {
      return Resolution.FORWARD;
    }
    for (NetworkZone z : scope) {
      EndpointRecord e = z.member(address.get());
      if (e != null) {
        return new Resolution.Pointer(e.containerName() + "." + z.networkName());
      }
    }
    return Resolution.FORWARD;
  }

  /** Spreads load over a name's addresses: each answer starts one further along the list. */
  private int rotation(int size) {
    return size < 2 ? 0 : Math.floorMod(rotation.getAndIncrement(), size);
  }

  private record Match(NetworkZone zone, String name) {}
}
