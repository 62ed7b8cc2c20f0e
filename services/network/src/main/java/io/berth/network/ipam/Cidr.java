package io.berth.network.ipam;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 prefix with its addresses as numbers, so overlap, containment and the n-th address are arithmetic.
 * Parses literals only (never resolves names); a prefix with host bits set is refused as Docker refuses it.
 */
public record Cidr(boolean v4, BigInteger network, int length) {
  private static final BigInteger ONE = BigInteger.ONE;

  public Cidr {
    int bits = v4 ? 32 : 128;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length out of range: " + length);
    }
  }

  /** Parses {@code ADDR/LEN}. Throws {@link IpamException} with Docker's messages. */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IpamException("invalid CIDR address: " + text);
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IpamException("invalid CIDR address: " + text);
    }
    InetAddress addr = literalOrNull(text.substring(0, slash));
    int len;
    try {
      len = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      len = -1;
    }
    int bits = addr instanceof Inet4Address ? 32 : 128;
    if (addr == null || len < 0 || len > bits) {
      throw new IpamException("invalid CIDR address: " + text);
    }
    BigInteger value = toNumber(addr);
    Cidr c = new Cidr(addr instanceof Inet4Address, value.and(mask(bits, len)), len);
    if (!c.network.equals(value)) {
      throw new IpamException("invalid subnet " + text + ": it should be " + c);
    }
    return c;
  }

  /** The prefix containing {@code address} with the given length (host bits cleared). */
  public static Cidr containing(String address, int length) {
    InetAddress a = literal(address);
    int bits = a instanceof Inet4Address ? 32 : 128;
    return new Cidr(a instanceof Inet4Address, toNumber(a).and(mask(bits, length)), length);
  }

  /** Parses a literal address; throws {@link IpamException} {@code invalid address}. */
  public static InetAddress literal(String text) {
    InetAddress a = literalOrNull(text);
    if (a == null) {
      throw new IpamException("invalid address: " + text);
    }
    return a;
  }

  private static InetAddress literalOrNull(String text) {
    if (text == null || !text.matches("[0-9a-fA-F:.]+") || (!text.contains(".") && !text.contains(":"))) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  public static BigInteger toNumber(InetAddress a) {
    return new BigInteger(1, a.getAddress());
  }

  public static BigInteger toNumber(String address) {
    return toNumber(literal(address));
  }

  private static BigInteger mask(int bits, int len) {
    return ONE.shiftLeft(bits).subtract(ONE).xor(ONE.shiftLeft(bits - len).subtract(ONE));
  }

  public int bits() {
    return v4 ? 32 : 128;
  }

  /** Number of addresses in the prefix. */
  public BigInteger size() {
    return ONE.shiftLeft(bits() - length);
  }

  public BigInteger last() {
    return network.add(size()).subtract(ONE);
  }

  public boolean contains(BigInteger address) {
    return address.compareTo(network) >= 0 && address.compareTo(last()) <= 0;
  }

  public boolean contains(String address) {
    InetAddress a = literal(address);
    return (a instanceof Inet4Address) == v4 && contains(toNumber(a));
  }

  public boolean contains(Cidr other) {
    return other.v4 == v4 && other.length >= length && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return other.v4 == v4 && (contains(other.network) || other.contains(network));
  }

  /** The address {@code offset} from the network address, as text. */
  public String addressAt(long offset) {
    return format(network.add(BigInteger.valueOf(offset)));
  }

  /** The prefixes of length {@code newLength} this one splits into, in order. */
  public java.util.List<Cidr> split(int newLength) {
    java.util.List<Cidr> out = new java.util.ArrayList<>();
    BigInteger step = ONE.shiftLeft(bits() - newLength);
    for (BigInteger n = network; n.compareTo(last()) <= 0; n = n.add(step)) {
      out.add(new Cidr(v4, n, newLength));
    }
    return out;
  }

  public String format(BigInteger address) {
    byte[] raw = address.toByteArray();
    byte[] out = new byte[v4 ? 4 : 16];
    int copy = Math.min(raw.length, out.length);
    System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
    try {
      String s = InetAddress.getByAddress(out).getHostAddress();
      return v4 ? s : compressV6(s);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Java prints {@code fd00:0:0:0:0:0:0:1}; Docker prints {@code fd00::1}. */
  static String compressV6(String full) {
    String[] parts = full.split(":");
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < parts.length; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < parts.length && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
    return head + "::" + tail;
  }

  @Override
  public String toString() {
    return format(network) + "/" + length;
  }
}
