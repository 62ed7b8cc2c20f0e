package io.berth.network.ipam;

import io.berth.network.domain.IpamConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a network's requested IPAM configuration into complete pools before anything is allocated or touched:
 * validates subnets, ranges, gateways and aux addresses (Docker's messages), refuses overlaps with subnets in use
 * (other networks, host routes and addresses), and fills the gaps — a default pool when no IPv4 subnet is given,
 * a ULA /64 for IPv6 without a subnet, the first address as gateway. Pure.
 */
public final class SubnetPlanner {
  private static final String OVERLAP = "invalid pool request: Pool overlaps with other one on this address space";

  private final DefaultPools pools;

  public SubnetPlanner(DefaultPools pools) {
    this.pools = pools;
  }

  /**
   * @param requested  the {@code IPAM.Config} entries of the request (may be empty)
   * @param enableIpv4 give the network IPv4
   * @param enableIpv6 give the network IPv6
   * @param inUse      prefixes already taken (other networks on this node, host routes and addresses)
   * @param seed       a stable value (the network id) to derive an IPv6 ULA prefix from
   */
  public List<IpamConfig> plan(List<IpamConfig> requested, boolean enableIpv4, boolean enableIpv6, List<Cidr> inUse,
                               String seed) {
    List<IpamConfig> out = new ArrayList<>();
    List<Cidr> taken = new ArrayList<>(inUse);
    boolean has4 = false;
    boolean has6 = false;
    for (IpamConfig c : requested) {
      if (c.subnet() == null || c.subnet().isEmpty()) {
        throw new IpamException("invalid network config: a subnet is required when ip-range, gateway or "
            + "aux-address is given");
      }
      Cidr subnet = Cidr.parse(c.subnet());
      if (subnet.v4() ? has4 : has6) {
        throw new IpamException("cannot create network with multiple " + (subnet.v4() ? "IPv4" : "IPv6")
            + " subnets on the bridge driver");
      }
      if (!subnet.v4() && !enableIpv6) {
        throw new IpamException("IPv6 subnet " + subnet + " requires --ipv6");
      }
      if (subnet.v4() && subnet.length() > 30) {
        throw new IpamException("invalid subnet " + subnet + ": too small for a bridge network");
      }
      for (Cidr t : taken) {
        if (t.overlaps(subnet)) {
          throw new IpamException(OVERLAP);
        }
      }
      IpamConfig full = complete(subnet, c);
      out.add(full);
      taken.add(subnet);
      has4 |= subnet.v4();
      has6 |= !subnet.v4();
    }
    if (enableIpv4 && !has4) {
      Cidr chosen = pools.firstFree(taken);
      out.add(0, complete(chosen, new IpamConfig(chosen.toString(), null, null, Map.of())));
    }
    if (enableIpv6 && !has6) {
      Cidr ula = ula(seed);
      out.add(complete(ula, new IpamConfig(ula.toString(), null, null, Map.of())));
    }
    return out;
  }

  private static IpamConfig complete(Cidr subnet, IpamConfig c) {
    String range = null;
    if (c.ipRange() != null && !c.ipRange().isEmpty()) {
      Cidr r = Cidr.parse(c.ipRange());
      if (!subnet.contains(r)) {
        throw new IpamException("invalid network config: ip-range " + r + " is not within subnet " + subnet);
      }
      range = r.toString();
    }
    String gateway;
    if (c.gateway() != null && !c.gateway().isEmpty()) {
      BigInteger g = Cidr.toNumber(Cidr.literal(c.gateway()));
      if (!subnet.contains(c.gateway())) {
        throw new IpamException("no matching subnet for gateway " + c.gateway());
      }
      gateway = subnet.format(g);
    } else {
      gateway = subnet.addressAt(1);
    }
    Map<String, String> aux = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : c.auxAddresses().entrySet()) {
      if (!subnet.contains(e.getValue())) {
        throw new IpamException("no matching subnet for aux-address " + e.getValue());
      }
      aux.put(e.getKey(), subnet.format(Cidr.toNumber(e.getValue())));
    }
    return new IpamConfig(subnet.toString(), range, gateway, aux);
  }

  /** A unique-local /64 derived from the seed, like Docker's pick of a ULA prefix when none is configured. */
  static Cidr ula(String seed) {
    String hex = String.format("%040x", new BigInteger(1, sha1(seed)));
    String prefix = "fd" + hex.substring(0, 2) + ":" + hex.substring(2, 6) + ":" + hex.substring(6, 10) + "::/64";
    return Cidr.parse(Cidr.containing(prefix.substring(0, prefix.indexOf('/')), 64).toString());
  }

  private static byte[] sha1(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
