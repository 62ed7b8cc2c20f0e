package io.berth.dns.host;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded generator of hostile DNS packets: random bytes, and well-formed queries with mutations. */
final class PacketFuzzer {
  private final Random random;
  private final List<byte[]> templates = List.of(
      query("c1", 1, true), query("c1.localnet", 28, false), query("11.0.30.172.in-addr.arpa", 12, true),
      query("external.test", 1, false), query("web", 255, true));

  PacketFuzzer(long seed) {
    this.random = new Random(seed);
  }

  /** The next packet (at least 2 bytes, so the caller can stamp an id on it). */
  byte[] next() {
    int kind = random.nextInt(10);
    byte[] p;
    if (kind < 3) {
      p = new byte[2 + random.nextInt(600)];
      random.nextBytes(p);
    } else {
      p = templates.get(random.nextInt(templates.size())).clone();
      int mutations = 1 + random.nextInt(6);
      for (int i = 0; i < mutations; i++) {
        p = mutate(p);
      }
    }
    return p.length < 2 ? Arrays.copyOf(p, 2) : p;
  }

  private byte[] mutate(byte[] p) {
    switch (random.nextInt(7)) {
      case 0 -> p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> p[random.nextInt(p.length)] = (byte) random.nextInt(256);
      case 2 -> p = Arrays.copyOf(p, Math.max(2, random.nextInt(p.length + 1)));
      case 3 -> {
        byte[] tail = new byte[1 + random.nextInt(64)];
        random.nextBytes(tail);
        byte[] q = Arrays.copyOf(p, p.length + tail.length);
        System.arraycopy(tail, 0, q, p.length, tail.length);
        p = q;
      }
      case 4 -> {
        // a compression pointer somewhere, often at the header or at itself
        int at = Math.min(p.length - 2, 12 + random.nextInt(Math.max(1, p.length - 12)));
        if (at >= 0) {
          int target = random.nextBoolean() ? random.nextInt(16) : at;
          p[at] = (byte) (0xC0 | (target >> 8));
          p[at + 1] = (byte) target;
        }
      }
      case 5 -> {
        // section counts
        int field = 4 + 2 * random.nextInt(4);
        if (field + 1 < p.length) {
          p[field] = (byte) random.nextInt(256);
          p[field + 1] = (byte) random.nextInt(256);
        }
      }
      default -> {
        // flags: QR, opcode, TC, rcode
        if (p.length > 3) {
          p[2] = (byte) random.nextInt(256);
          p[3] = (byte) random.nextInt(256);
        }
      }
    }
    return p;
  }

  /** A plain query for {@code name}, type {@code type}, optionally with an EDNS OPT record. */
  static byte[] query(String name, int type, boolean edns) {
    return io.berth.dns.RawQuery.of(0x1234, name, type, edns, true);
  }

}
