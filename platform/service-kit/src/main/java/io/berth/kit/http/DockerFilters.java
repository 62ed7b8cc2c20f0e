package io.berth.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.kit.errors.BerthException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter, as moby's {@code filters.FromJSON} reads it. The CLI sends
 * {@code map[string]map[string]bool} ({@code {"label":{"a=b":true}}}), the API documents {@code map[string][]string}
 * ({@code {"label":["a=b"]}}); both are read, and a value mapped to {@code false} is no value. What a key means is the
 * caller's business (each list and prune endpoint has its own keys); this class gives the values and Docker's
 * messages for the shared mistakes. Pure: no I/O, no Vert.x, so domain code may use it.
 */
public final class DockerFilters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DockerFilters NONE = new DockerFilters(Map.of());

  private final Map<String, List<String>> values;

  private DockerFilters(Map<String, List<String>> values) {
    this.values = values;
  }

  /** No filter at all: every key is absent. */
  public static DockerFilters none() {
    return NONE;
  }

  /**
   * Parses the query parameter; null or blank is {@link #none()}. Malformed JSON, a top level that is not an object,
   * or a key whose value is neither a list nor a map fails with Docker's {@code invalid filter: ...} (400).
   */
  public static DockerFilters parse(String json) {
    if (json == null || json.isBlank()) {
      return none();
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
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
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
      out.put(e.getKey(), List.copyOf(list));
    }
    // Insertion order kept: the first unknown key is the one Docker's message names.
    return new DockerFilters(Collections.unmodifiableMap(out));
  }

  /** Fails with Docker's {@code invalid filter 'KEY'} for a key outside {@code allowed}; returns this for chaining. */
  public DockerFilters allow(Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw BerthException.invalid("invalid filter '%s'", key);
      }
    }
    return this;
  }

  /** The values of {@code key}, in the order given; empty when absent. */
  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** Whether {@code key} has at least one value. */
  public boolean has(String key) {
    return !get(key).isEmpty();
  }

  /** The keys given, with at least one value or none. */
  public Set<String> keys() {
    return values.keySet();
  }

  /**
   * Each value of {@code key} as a boolean ({@code true}/{@code 1}, {@code false}/{@code 0}, any case), in order;
   * anything else fails with Docker's {@code invalid filter 'KEY=VALUE'}. For callers that need every value to hold.
   */
  public List<Boolean> bools(String key) {
    List<Boolean> out = new ArrayList<>();
    for (String s : get(key)) {
      out.add(switch (s.toLowerCase()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw BerthException.invalid("invalid filter '%s=%s'", key, s);
      });
    }
    return out;
  }

  /**
   * The single boolean of {@code key} ({@code dangling=true}, {@code all=1}), or null when absent. Several values
   * count as true when any of them is (the CLI's map form can carry {@code {"true":true,"false":true}}).
   */
  public Boolean bool(String key) {
    List<Boolean> all = bools(key);
    return all.isEmpty() ? null : all.contains(true);
  }

  /**
   * Each value of {@code key} as a point in time, as Docker's {@code until} reads it: a duration back from
   * {@code now} ({@code 10m}, {@code 1h30m}), Unix seconds, or an RFC 3339 timestamp; anything else fails with
   * {@code invalid filter 'KEY=VALUE'}.
   */
  public List<Instant> instants(String key, Instant now) {
    List<Instant> out = new ArrayList<>();
    for (String v : get(key)) {
      out.add(instant(key, v, now));
    }
    return out;
  }

  /**
   * Whether {@code labels} match every expression of {@code key} ({@code label}): {@code name} needs the label,
   * {@code name=value} needs it with that value (moby's {@code MatchKVList}). True when the key is absent.
   */
  public boolean matchesAllLabels(String key, Map<String, String> labels) {
    return get(key).stream().allMatch(e -> labelMatches(labels, e));
  }

  /** Whether {@code labels} match none of the expressions of {@code key} ({@code label!}). True when absent. */
  public boolean matchesNoLabels(String key, Map<String, String> labels) {
    return get(key).stream().noneMatch(e -> labelMatches(labels, e));
  }

  /** One label expression against a resource's labels: {@code name} or {@code name=value}. */
  public static boolean labelMatches(Map<String, String> labels, String expression) {
    int eq = expression.indexOf('=');
    if (eq < 0) {
      return labels.containsKey(expression);
    }
    return expression.substring(eq + 1).equals(labels.get(expression.substring(0, eq)));
  }

  private static Instant instant(String key, String v, Instant now) {
    try {
      return now.minus(Duration.parse("PT" + v.toUpperCase()));
    } catch (RuntimeException notDuration) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(v));
      } catch (NumberFormatException notSeconds) {
        try {
          return Instant.parse(v);
        } catch (RuntimeException notTimestamp) {
          throw BerthException.invalid("invalid filter '%s=%s'", key, v);
        }
      }
    }
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
