package io.berth.dns.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/** Name helpers: canonical form and reverse ({@code in-addr.arpa}, {@code ip6.arpa}) names. */
public final class DnsNames {
  private static final String V4_SUFFIX = ".in-addr.arpa";
  private static final String V6_SUFFIX = ".ip6.arpa";

  private DnsNames() {}

  /** Lower case, without the trailing root dot. */
  public static String canonical(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** The reverse name of an address, without the trailing dot (e.g. {@code 2.0.18.172.in-addr.arpa}). */
  public static String reverse(InetAddress address) {
    byte[] b = address.getAddress();
    StringBuilder sb = new StringBuilder();
    if (address instanceof Inet4Address) {
      for (int i = b.length - 1; i >= 0; i--) {
        sb.append(b[i] & 0xff).append('.');
      }
      return sb.append("in-addr.arpa").toString();
    }
    for (int i = b.length - 1; i >= 0; i--) {
      sb.append(Character.forDigit(b[i] & 0xf, 16)).append('.');
      sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
    }
    return sb.append("ip6.arpa").toString();
  }

  /** The address a full reverse name stands for; empty for partial or malformed names. */
  public static Optional<InetAddress> fromReverse(String name) {
    String n = canonical(name);
    try {
      if (n.endsWith(V4_SUFFIX)) {
        String[] parts = n.substring(0, n.length() - V4_SUFFIX.length()).split("\\.", -1);
        if (parts.length != 4) {
          return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
          if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
          }
          int v = Integer.parseInt(parts[i]);
          if (v > 255) {
            return Optional.empty();
          }
          b[3 - i] = (byte) v;
        }
        return Optional.of(InetAddress.getByAddress(b));
      }
      if (n.endsWith(V6_SUFFIX)) {
        String[] parts = n.substring(0, n.length() - V6_SUFFIX.length()).split("\\.", -1);
        if (parts.length != 32) {
          return Optional.empty();
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 32; i++) {
          int d = parts[i].length() == 1 ? Character.digit(parts[i].charAt(0), 16) : -1;
          if (d < 0) {
            return Optional.empty();
          }
          int byteIndex = 15 - i / 2;
          b[byteIndex] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        return Optional.of(Inet6Address.getByAddress(b));
      }
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether the name has a single label ({@code c1}, not {@code c1.net}). */
  public static boolean singleLabel(String canonicalName) {
    return !canonicalName.isEmpty() && canonicalName.indexOf('.') < 0;
  }
}
