package io.berth.logging.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code time.ParseDuration}, which dockerd uses for duration options and environment variables
 * ({@code fluentd-retry-wait}, {@code SPLUNK_LOGGING_DRIVER_POST_MESSAGES_FREQUENCY}, ...): a sequence of decimal
 * numbers with units {@code ns us µs ms s m h}, optionally signed; {@code "0"} alone needs no unit.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([^0-9.]*)");
  private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Nanoseconds; {@link IllegalArgumentException} with Go's message when {@code s} is not a duration. */
  public static long parseNanos(String s) {
    String orig = s;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) return 0;
    if (s.isEmpty()) throw invalid(orig);
    BigDecimal total = BigDecimal.ZERO;
    Matcher m = PART.matcher(s);
    int pos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos || m.end() == pos) throw invalid(orig);
      String number = m.group(1);
      String unit = m.group(2);
      if (number.isEmpty() || number.equals(".")) throw invalid(orig);
      if (unit.isEmpty()) throw new IllegalArgumentException("time: missing unit in duration " + quote(orig));
      Long scale = UNITS.get(unit);
      if (scale == null) {
        throw new IllegalArgumentException("time: unknown unit " + quote(unit) + " in duration " + quote(orig));
      }
      total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number)
          .multiply(BigDecimal.valueOf(scale)));
      pos = m.end();
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) throw invalid(orig);
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  /** Go's {@code Duration.String()} for the values error messages show, e.g. {@code 50ms}, {@code 1.5s}, {@code 1m0s}. */
  public static String format(long nanos) {
    if (nanos == 0) return "0s";
    String sign = nanos < 0 ? "-" : "";
    long n = Math.abs(nanos);
    if (n < 1_000) return sign + n + "ns";
    if (n < 1_000_000) return sign + decimal(n, 1_000) + "µs";
    if (n < 1_000_000_000) return sign + decimal(n, 1_000_000) + "ms";
    long h = n / 3_600_000_000_000L;
    long m = n / 60_000_000_000L % 60;
    String sec = decimal(n % 60_000_000_000L, 1_000_000_000) + "s";
    if (h > 0) return sign + h + "h" + m + "m" + sec;
    if (m > 0) return sign + m + "m" + sec;
    return sign + sec;
  }

  private static String decimal(long value, long unit) {
    BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("time: invalid duration " + quote(s));
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
