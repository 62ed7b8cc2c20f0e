package io.berth.dns.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP literals as they appear in events ({@code 172.18.0.2/16}, {@code fd00::2/64}), parsed without DNS lookups. */
public final class Addresses {
  private Addresses() {}

  /**
   * The address of an IP literal, with or without a prefix length.
   *
   * @throws IllegalArgumentException when it is not an IP literal
   */
  public static InetAddress parse(String literal) {
    String ip = literal.strip();
    int slash = ip.indexOf('/');
    if (slash >= 0) {
      ip = ip.substring(0, slash);
    }
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    if (ip.isEmpty() || !(ip.indexOf(':') >= 0 || ip.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
    try {
      // A literal never triggers a lookup: getByName parses it.
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  /** Like {@link #parse} but null or blank gives null. */
  public static InetAddress parseOrNull(String literal) {
    return literal == null || literal.isBlank() ? null : parse(literal);
  }

  /** The address as text, IPv6 in its RFC 5952 short form ({@code fd00::2}, not {@code fd00:0:0:0:0:0:0:2}). */
  public static String text(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** Whether the literal is an IP address. */
  public static boolean isIp(String literal) {
    try {
      parse(literal);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
