package io.berth.logging.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Go's {@code time.RFC3339Nano} (trailing zeros of the fraction dropped, as json-file writes) and Docker's fixed
 * nine-digit form (as {@code docker logs -t} prints). The date-time part is cached per second, so formatting a line
 * costs a few appends.
 */
public final class Rfc3339 {
  private long cachedSecond = Long.MIN_VALUE;
  private final byte[] cachedPrefix = new byte[19];

  /** Appends {@code 2026-11-27T18:12:18.88475424Z} (trimmed) or {@code ...18.884754240Z} (fixed). */
  public int write(long epochNanos, byte[] out, int pos, boolean fixed) {
    long second = Math.floorDiv(epochNanos, 1_000_000_000L);
    int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
    if (second != cachedSecond) {
      String s = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
      // LocalDateTime drops ":00" seconds; always rebuild the 19-char prefix explicitly.
      if (s.length() == 16) s = s + ":00";
      for (int i = 0; i < 19; i++) cachedPrefix[i] = (byte) s.charAt(i);
      cachedSecond = second;
    }
    System.arraycopy(cachedPrefix, 0, out, pos, 19);
    pos += 19;
    int digits = 9;
    if (!fixed) {
      while (digits > 0 && nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
    }
    if (digits > 0) {
      out[pos++] = '.';
      for (int i = digits - 1; i >= 0; i--) {
        out[pos + i] = (byte) ('0' + nanos % 10);
        nanos /= 10;
      }
      pos += digits;
    }
    out[pos++] = 'Z';
    return pos;
  }

  public String format(long epochNanos, boolean fixed) {
    byte[] b = new byte[40];
    int n = write(epochNanos, b, 0, fixed);
    return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Parses RFC 3339 with any fraction into epoch nanoseconds. */
  public static long parse(String s) {
    Instant i = java.time.OffsetDateTime.parse(s).toInstant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  public static long nowNanos() {
    Instant i = Instant.now();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
