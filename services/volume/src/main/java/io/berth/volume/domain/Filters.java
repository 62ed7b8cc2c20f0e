package io.berth.volume.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.kit.errors.BerthException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter. The CLI sends {@code map[string]map[string]bool}
 * ({@code {"label":{"a=b":true}}}); the API documents {@code map[string][]string}; both are read, as moby's
 * {@code filters.FromJSON} does.
 */
public final class Filters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, List<String>> values;

  private Filters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Filters none() {
    return new Filters(Map.of());
  }

  /** Parses the query parameter; null or empty = no filter. */
  public static Filters parse(String json) {
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
          if (x.getValue().asBoolean()) list.add(x.getKey());
        });
      } else {
        throw BerthException.invalid("invalid filter: %s", json);
      }
      out.put(e.getKey(), list);
    }
    return new Filters(out);
  }

  /** Fails with Docker's {@code invalid filter 'KEY'} for a key outside {@code allowed}. */
  public Filters allow(Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw BerthException.invalid("invalid filter '%s'", key);
      }
    }
    return this;
  }

  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  public boolean has(String key) {
    return !get(key).isEmpty();
  }

  /** The single boolean of {@code key} ({@code dangling=true}, {@code all=1}), or null when absent. */
  public Boolean bool(String key) {
    List<String> v = get(key);
    if (v.isEmpty()) {
      return null;
    }
    boolean any = false;
    boolean result = false;
    for (String s : v) {
      boolean b = switch (s.toLowerCase()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw BerthException.invalid("invalid filter '%s=%s'", key, s);
      };
      result = any ? result || b : b;
      any = true;
    }
    return result;
  }
}
