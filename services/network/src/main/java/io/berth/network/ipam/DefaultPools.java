package io.berth.network.ipam;

import java.util.ArrayList;
import java.util.List;

/**
 * The address pools networks get a subnet from when none is given: Docker's local defaults (172.17–19/16,
 * 172.20/14, 172.24/14, 172.28/14 split into /16, 192.168/16 split into /20) or daemon.json
 * {@code default-address-pools} ({@code [{"base":"10.10.0.0/16","size":24}]}), in order.
 */
public final class DefaultPools {
  private final List<Cidr> candidates;

  private DefaultPools(List<Cidr> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  /** One base prefix split into subnets of {@code size}. */
  public record Pool(String base, int size) {}

  public static DefaultPools docker() {
    return of(List.of(new Pool("172.17.0.0/16", 16), new Pool("172.18.0.0/16", 16), new Pool("172.19.0.0/16", 16),
        new Pool("172.20.0.0/14", 16), new Pool("172.24.0.0/14", 16), new Pool("172.28.0.0/14", 16),
        new Pool("192.168.0.0/16", 20)));
  }

  public static DefaultPools of(List<Pool> pools) {
    List<Cidr> out = new ArrayList<>();
    for (Pool p : pools) {
      Cidr base = Cidr.parse(p.base());
      if (p.size() < base.length() || p.size() > base.bits()) {
        throw new IpamException("invalid default address pool " + p.base() + " size " + p.size());
      }
      out.addAll(base.split(p.size()));
    }
    return new DefaultPools(out);
  }

  /** The first candidate overlapping nothing in {@code inUse}. */
  public Cidr firstFree(List<Cidr> inUse) {
    for (Cidr c : candidates) {
      if (inUse.stream().noneMatch(c::overlaps)) {
        return c;
      }
    }
    throw new IpamException("could not find an available, non-overlapping IPv4 address pool among the defaults to "
        + "assign to the network");
  }

  public List<Cidr> candidates() {
    return candidates;
  }
}
