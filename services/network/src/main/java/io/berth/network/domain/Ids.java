package io.berth.network.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Docker-style identifiers: 64 lower-case hex characters, random or derived from a stable name. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A stable id for a name (the predefined networks of a node keep their ids across restarts). */
  public static String derived(String name) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Docker's MAC for an IPv4 address: {@code 02:42} followed by the four address bytes; random without one. */
  public static String mac(String ipv4) {
    byte[] b = new byte[6];
    b[0] = 0x02;
    b[1] = 0x42;
    if (ipv4 != null) {
      String[] parts = ipv4.substring(0, ipv4.indexOf('/') < 0 ? ipv4.length() : ipv4.indexOf('/')).split("\\.");
      for (int i = 0; i < 4; i++) {
        b[2 + i] = (byte) Integer.parseInt(parts[i]);
      }
    } else {
      byte[] r = new byte[4];
      RANDOM.nextBytes(r);
      System.arraycopy(r, 0, b, 2, 4);
    }
    return HexFormat.ofDelimiter(":").formatHex(b);
  }
}
