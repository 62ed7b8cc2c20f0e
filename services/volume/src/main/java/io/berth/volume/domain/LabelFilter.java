package io.berth.volume.domain;

import java.util.List;
import java.util.Map;

/**
 * Docker's label expressions: {@code key}, {@code key=value} (also {@code key:value} as the API documents). A set of
 * positive expressions all have to match; negative ones ({@code label!=}) must all not match.
 */
public final class LabelFilter {
  private LabelFilter() {}

  /** Whether {@code labels} match every expression in {@code exprs}. */
  public static boolean matchesAll(Map<String, String> labels, List<String> exprs) {
    return exprs.stream().allMatch(e -> matches(labels, e));
  }

  /** Whether {@code labels} match none of {@code exprs}. */
  public static boolean matchesNone(Map<String, String> labels, List<String> exprs) {
    return exprs.stream().noneMatch(e -> matches(labels, e));
  }

  static boolean matches(Map<String, String> labels, String expr) {
    int eq = expr.indexOf('=');
    if (eq < 0) {
      eq = expr.indexOf(':');
    }
    if (eq < 0) {
      return labels.containsKey(expr);
    }
    String key = expr.substring(0, eq);
    return labels.containsKey(key) && labels.get(key).equals(expr.substring(eq + 1));
  }
}
