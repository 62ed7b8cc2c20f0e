package io.berth.logging.domain;

import io.berth.kit.errors.BerthException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's human sizes (go-units): {@code FromHumanSize} is decimal (k = 1000), {@code RAMInBytes} binary (k = 1024). */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private ByteSize() {}

  /** {@code units.FromHumanSize}: json-file's {@code max-size}. */
  public static long fromHumanSize(String s) {
    return parse(s, 1000);
  }

  /** {@code units.RAMInBytes}: {@code max-buffer-size}, the local driver's {@code max-size}. */
  public static long ramInBytes(String s) {
    return parse(s, 1024);
  }

  private static long parse(String s, long base) {
    Matcher m = SIZE.matcher(s == null ? "" : s.trim());
    if (!m.matches()) {
      throw new BerthException.InvalidRequest("invalid size: '" + s + "'");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    int power = switch (unit) {
      case "k" -> 1;
      case "m" -> 2;
      case "g" -> 3;
      case "t" -> 4;
      case "p" -> 5;
      default -> 0;
    };
    return (long) (n * Math.pow(base, power));
  }
}
