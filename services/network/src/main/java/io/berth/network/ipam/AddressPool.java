package io.berth.network.ipam;

import io.berth.network.domain.IpamConfig;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The addresses of one network: its subnets, what is reserved (network, broadcast, gateway, aux addresses) and what
 * is allocated. It is the value of the cluster map keyed by network id and only ever changed inside an entry
 * processor on the key's owner, so allocation is atomic cluster-wide. Next-fit like libnetwork's bitmap allocator:
 * an address released is not handed out again until the range wraps.
 */
public final class AddressPool implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String network;
  private final List<Range> ranges = new ArrayList<>();

  /** One subnet with its allocation range. */
  static final class Range implements Serializable {
    private static final long serialVersionUID = 1L;
    final String subnet;
    final boolean v4;
    final int prefixLength;
    final BigInteger start;
    final BigInteger end;
    final TreeSet<BigInteger> reserved = new TreeSet<>();
    final TreeSet<BigInteger> allocated = new TreeSet<>();
    BigInteger cursor;

    Range(IpamConfig c) {
      Cidr s = Cidr.parse(c.subnet());
      this.subnet = c.subnet();
      this.v4 = s.v4();
      this.prefixLength = s.length();
      Cidr r = c.ipRange() == null ? s : Cidr.parse(c.ipRange());
      this.start = r.network();
      this.end = r.last();
      reserved.add(s.network());
      if (s.v4() && s.length() < 31) {
        reserved.add(s.last());
      }
      if (c.gateway() != null) {
        reserved.add(Cidr.toNumber(c.gateway()));
      }
      c.auxAddresses().values().forEach(a -> reserved.add(Cidr.toNumber(a)));
      this.cursor = start;
    }

    Cidr cidr() {
      return Cidr.parse(subnet);
    }

    boolean free(BigInteger a) {
      return !reserved.contains(a) && !allocated.contains(a);
    }

    String next() {
      BigInteger a = cursor;
      BigInteger size = end.subtract(start).add(BigInteger.ONE);
      for (BigInteger tried = BigInteger.ZERO; tried.compareTo(size) < 0; tried = tried.add(BigInteger.ONE)) {
        if (a.compareTo(end) > 0) {
          a = start;
        }
        if (free(a)) {
          allocated.add(a);
          cursor = a.add(BigInteger.ONE);
          return cidr().format(a);
        }
        a = a.add(BigInteger.ONE);
        if (tried.intValue() > 1 << 20) {
          break; // a sparse IPv6 range is never this full; stop instead of scanning a /64
        }
      }
      return null;
    }
  }

  public AddressPool(String network, List<IpamConfig> configs) {
    this.network = network;
    configs.forEach(c -> ranges.add(new Range(c)));
  }

  /**
   * Allocates an address of the family, the requested one if given.
   *
   * @return the address with the subnet's prefix length, e.g. {@code 172.18.0.2/16}
   * @throws IpamException with Docker's message when the address is outside every subnet, taken, or none is left
   */
  public String allocate(boolean v4, String requested) {
    if (requested != null && !requested.isEmpty()) {
      String bare = requested.contains("/") ? requested.substring(0, requested.indexOf('/')) : requested;
      BigInteger a = Cidr.toNumber(Cidr.literal(bare));
      for (Range r : ranges) {
        if (r.v4 == v4 && r.cidr().contains(a)) {
          if (!r.free(a)) {
            throw new IpamException("Address already in use", IpamException.Kind.TAKEN);
          }
          r.allocated.add(a);
          return r.cidr().format(a) + "/" + r.prefixLength;
        }
      }
      throw new IpamException("Invalid address " + bare + ": It does not belong to any of this network's subnets");
    }
    for (Range r : ranges) {
      if (r.v4 == v4) {
        String a = r.next();
        if (a != null) {
          return a + "/" + r.prefixLength;
        }
      }
    }
    if (ranges.stream().noneMatch(r -> r.v4 == v4)) {
      return null;
    }
    throw new IpamException("no available " + (v4 ? "IPv4" : "IPv6") + " addresses on this network's address pools: "
        + network, IpamException.Kind.EXHAUSTED);
  }

  /** Marks an address as allocated (state restore); returns false if it is outside the subnets. */
  public boolean mark(String address) {
    String bare = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
    BigInteger a = Cidr.toNumber(Cidr.literal(bare));
    for (Range r : ranges) {
      if (r.v4 == !bare.contains(":") && r.cidr().contains(a)) {
        r.allocated.add(a);
        return true;
      }
    }
    return false;
  }

  /** Releases an address; releasing a free one changes nothing. */
  public void release(String address) {
    String bare = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
    BigInteger a = Cidr.toNumber(Cidr.literal(bare));
    ranges.forEach(r -> r.allocated.remove(a));
  }

  public int allocatedCount() {
    return ranges.stream().mapToInt(r -> r.allocated.size()).sum();
  }

  public String network() {
    return network;
  }
}
