package io.berth.network.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.kit.errors.BerthException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Docker's {@code filters} for {@code GET /networks} (driver, id, label, name, scope, type, dangling) and
 * {@code POST /networks/prune} (until, label, label!). Reads both encodings the CLI and API use
 * ({@code map[string][]string} and {@code map[string]map[string]bool}).
 */
public final class NetworkFilters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LIST_KEYS = Set.of("driver", "id", "label", "name", "scope", "type", "dangling");
  private static final Set<String> PRUNE_KEYS = Set.of("until", "label", "label!");

  private final Map<String, List<String>> values;

  private NetworkFilters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static NetworkFilters parse(String json) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return new NetworkFilters(out);
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw BerthException.invalid("invalid filter: %s", e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw BerthException.invalid("invalid filter: %s", json);
    }
    root.fields().forEachRemaining(e -> {
      List<String> list = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        v.forEach(x -> list.add(x.asText()));
      } else if (v.isObject()) {
        v.fields().forEachRemaining(x -> {
          if (x.getValue().asBoolean()) {
            list.add(x.getKey());
          }
        });
      } else {
        throw BerthException.invalid("invalid filter: %s", json);
      }
      out.put(e.getKey(), list);
    });
    return new NetworkFilters(out);
  }

  /**
   * The list predicate; {@code inUse} tells whether a network has endpoints (for {@code dangling}).
   */
  public Predicate<Network> forList(Predicate<Network> inUse) {
    allow(LIST_KEYS);
    Predicate<Network> p = n -> true;
    p = p.and(any("driver", (n, v) -> n.driver().equals(v)));
    p = p.and(any("id", (n, v) -> n.id().startsWith(v)));
    p = p.and(any("name", (n, v) -> n.name().contains(v)));
    p = p.and(any("scope", (n, v) -> n.scope().equals(v)));
    p = p.and(any("type", (n, v) -> {
      if (!v.equals("custom") && !v.equals("builtin")) {
        throw BerthException.invalid("invalid filter: 'type'='%s'", v);
      }
      return v.equals("builtin") == n.predefined();
    }));
    p = p.and(allLabels("label", true));
    for (String d : values.getOrDefault("dangling", List.of())) {
      boolean want = switch (d.toLowerCase()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw BerthException.invalid("invalid filter 'dangling=%s'", d);
      };
      p = p.and(n -> (!n.predefined() && !inUse.test(n)) == want);
    }
    return p;
  }

  /** The prune selection: user-defined networks matching until/label/label!. */
  public Predicate<Network> forPrune(Instant now) {
    allow(PRUNE_KEYS);
    Predicate<Network> p = n -> !n.predefined();
    for (String u : values.getOrDefault("until", List.of())) {
      Instant limit = until(u, now);
      p = p.and(n -> Instant.parse(n.created()).isBefore(limit));
    }
    return p.and(allLabels("label", true)).and(allLabels("label!", false));
  }

  private static Instant until(String u, Instant now) {
    try {
      return now.minus(Duration.parse("PT" + u.toUpperCase()));
    } catch (RuntimeException e) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(u));
      } catch (NumberFormatException e2) {
        try {
          return Instant.parse(u);
        } catch (RuntimeException e3) {
          throw BerthException.invalid("invalid filter 'until=%s'", u);
        }
      }
    }
  }

  private void allow(Set<String> keys) {
    for (String k : values.keySet()) {
      if (!keys.contains(k)) {
        throw BerthException.invalid("invalid filter '%s'", k);
      }
    }
  }

  private Predicate<Network> any(String key, java.util.function.BiPredicate<Network, String> test) {
    List<String> vs = values.getOrDefault(key, List.of());
    if (vs.isEmpty()) {
      return n -> true;
    }
    return n -> vs.stream().anyMatch(v -> test.test(n, v));
  }

  private Predicate<Network> allLabels(String key, boolean present) {
    List<String> vs = values.getOrDefault(key, List.of());
    return n -> vs.stream().allMatch(v -> hasLabel(n, v) == present);
  }

  static boolean hasLabel(Network n, String filter) {
    int eq = filter.indexOf('=');
    if (eq < 0) {
      return n.labels().containsKey(filter);
    }
    return filter.substring(eq + 1).equals(n.labels().get(filter.substring(0, eq)));
  }
}
