package io.berth.kit.units;

import io.berth.kit.errors.BerthException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Human sizes as Docker reads them, go-units v0.5's {@code parseSize}: a number (Go's float syntax), then, with or
 * without one space, an optional suffix {@code b}, {@code k}/{@code kb}/{@code kib} and likewise for {@code m},
 * {@code g}, {@code t}, {@code p}, in any case. Which multiple a suffix means is the caller's choice, because Docker
 * itself uses both: {@link #fromHumanSize} (k = 1000) for json-file's {@code max-size}, {@link #ramInBytes}
 * (k = 1024) for the local log driver's {@code max-size}, {@code max-buffer-size} and a volume's {@code size}.
 * Every failure is a 400 with go-units' own message, since that is the text {@code docker} prints.
 */
public final class ByteSize {
  private static final long[] DECIMAL = {1, 1000L, 1000L * 1000, 1000L * 1000 * 1000, 1000L * 1000 * 1000 * 1000,
      1000L * 1000 * 1000 * 1000 * 1000};
  private static final long[] BINARY = {1, 1L << 10, 1L << 20, 1L << 30, 1L << 40, 1L << 50};
  private static final String PREFIXES = "kmgtp";
  /** Go's {@code strconv.ParseFloat} decimal syntax (Java's own parser also takes {@code 1d}, {@code " 1"}). */
  private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?"
      + "|0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+)");
  private static final Pattern GO_SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

  private ByteSize() {}

  /** {@code units.FromHumanSize}: decimal multiples ({@code 1k} = 1000). */
  public static long fromHumanSize(String size) {
    return parse(size, DECIMAL);
  }

  /** {@code units.RAMInBytes}: binary multiples ({@code 1k} = {@code 1kb} = {@code 1KiB} = 1024). */
  public static long ramInBytes(String size) {
    return parse(size, BINARY);
  }

  private static long parse(String text, long[] multiples) {
    String s = text == null ? "" : text;
    String num;
    String sfx;
    int space = s.indexOf(' ');
    if (space >= 0) {
      num = s.substring(0, space);
      sfx = s.substring(space + 1);
    } else {
      int sep = lastDigitOrDot(s);
      if (sep < 0) {
        throw BerthException.invalid("invalid size: '%s'", s);
      }
      num = s.substring(0, sep + 1);
      sfx = s.substring(sep + 1);
    }
    double size = parseFloat(s, num);
    if (size < 0) {
      throw BerthException.invalid("invalid size: '%s'", s);
    }
    if (sfx.isEmpty()) {
      return (long) size;
    }
    sfx = sfx.toLowerCase(Locale.ROOT);
    if (sfx.length() > 3) {
      throw badSuffix(sfx);
    }
    if (sfx.charAt(0) == 'b') {
      if (sfx.length() > 1) {
        throw badSuffix(sfx);
      }
      return (long) size;
    }
    int power = PREFIXES.indexOf(sfx.charAt(0)) + 1;
    if (power == 0
        || (sfx.length() == 2 && sfx.charAt(1) != 'b')
        || (sfx.length() == 3 && !sfx.substring(1).equals("ib"))) {
      throw badSuffix(sfx);
    }
    // Java's (long) saturates where Go's int64() of a too-large float gives a garbage value; a size that large is
    // "no limit" in effect either way.
    return (long) (size * multiples[power]);
  }

  private static int lastDigitOrDot(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.') {
        return i;
      }
    }
    return -1;
  }

  private static double parseFloat(String whole, String num) {
    if (GO_SPECIAL.matcher(num).matches()) {
      // Go parses these, and its int64() of an infinity or NaN is a meaningless number: refuse them instead.
      throw BerthException.invalid("invalid size: '%s'", whole);
    }
    if (!GO_FLOAT.matcher(num).matches()) {
      throw BerthException.invalid("strconv.ParseFloat: parsing %s: invalid syntax", quote(num));
    }
    double d = Double.parseDouble(num);
    if (Double.isInfinite(d)) {
      throw BerthException.invalid("strconv.ParseFloat: parsing %s: value out of range", quote(num));
    }
    return d;
  }

  /** Go's {@code %q} for the text Docker's message quotes (printable ASCII is all a size has in practice). */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static BerthException badSuffix(String sfx) {
    return BerthException.invalid("invalid suffix: '%s'", sfx);
  }
}
