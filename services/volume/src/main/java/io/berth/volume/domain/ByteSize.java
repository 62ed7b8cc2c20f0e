package io.berth.volume.domain;

import io.berth.kit.errors.BerthException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes written as Docker writes them ({@code go-units.RAMInBytes}): {@code 64m}, {@code 1GiB}, {@code 512}. */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private ByteSize() {}

  /** Bytes in {@code text}, binary multiples (k = 1024). */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw BerthException.invalid("invalid size: '%s'", text);
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase();
    int shift = switch (unit) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      case "p" -> 50;
      default -> 0;
    };
    return (long) (value * (1L << shift));
  }
}
