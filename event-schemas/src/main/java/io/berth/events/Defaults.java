package io.berth.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalises absent collections in event records to empty, immutable ones, so a producer may omit an empty
 * list or map and consumers never see {@code null}.
 */
public final class Defaults {

  private Defaults() {
  }

  /** An immutable copy of {@code values}, empty when {@code null}. */
  public static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  /**
   * An immutable copy of {@code values} in their order (so JSON output is stable), empty when {@code null}.
   *
   * @throws NullPointerException when a key or value is {@code null}
   */
  public static <K, V> Map<K, V> map(Map<K, V> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<K, V> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    return Collections.unmodifiableMap(copy);
  }

  /** {@code value}, or {@code fallback} when it is {@code null}. */
  public static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
