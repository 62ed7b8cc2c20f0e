package io.berth.kit.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys berth accepts and the JSON type each value must have, nested ones ({@code kafka.*}, {@code cluster.*})
 * included. Every error names the full key ({@code kafka.partitions}), as dockerd names its directives, so a wrong
 * file never ends in an exception that names nothing.
 */
final class ConfigKeys {
  /** A string list ({@code ["a", "b"]}); checked element by element. */
  static final Class<?> STRINGS = String[].class;
  /** A list of objects; checked element by element. */
  static final Class<?> OBJECTS = JsonObject[].class;
  /**
   * An object of option strings ({@code log-opts}). A number or true/false is taken as its text, as berth always did;
   * a list or an object is refused.
   */
  static final Class<?> STRING_MAP = Map.class;

  static final Map<String, Class<?>> TOP = Map.ofEntries(
      Map.entry("data-root", String.class), Map.entry("exec-root", String.class),
      Map.entry("hosts", STRINGS), Map.entry("node-name", String.class),
      Map.entry("log-level", String.class), Map.entry("debug", Boolean.class),
      Map.entry("log-driver", String.class), Map.entry("log-opts", STRING_MAP),
      Map.entry("dns", STRINGS), Map.entry("dns-search", STRINGS), Map.entry("dns-opts", STRINGS),
      Map.entry("bip", String.class), Map.entry("mtu", Integer.class),
      Map.entry("default-address-pools", OBJECTS),
      Map.entry("ipv6", Boolean.class), Map.entry("fixed-cidr-v6", String.class),
      Map.entry("tls", Boolean.class), Map.entry("tlsverify", Boolean.class), Map.entry("tlscacert", String.class),
      Map.entry("tlscert", String.class), Map.entry("tlskey", String.class),
      Map.entry("kafka", JsonObject.class), Map.entry("cluster", JsonObject.class));

  static final Map<String, Map<String, Class<?>>> NESTED = Map.of(
      "kafka", Map.of("bootstrap-servers", String.class, "listen", String.class, "partitions", Integer.class,
          "replication-factor", Integer.class),
      "cluster", Map.of("members", STRINGS, "host", String.class, "port", Integer.class, "name", String.class,
          "discovery", String.class, "kubernetes", JsonObject.class),
      // One entry of default-address-pools, as Docker's {"base": "172.30.0.0/16", "size": 24}.
      "default-address-pools[]", Map.of("base", String.class, "size", Integer.class));

  private ConfigKeys() {}

  /** The type a dotted key ({@code port} inside {@code cluster} is {@code cluster.port}) must have, or null. */
  static Class<?> typeOf(String dottedKey) {
    int dot = dottedKey.indexOf('.');
    if (dot < 0) return TOP.get(dottedKey);
    Map<String, Class<?>> nested = NESTED.get(dottedKey.substring(0, dot));
    return nested == null ? null : nested.get(dottedKey.substring(dot + 1));
  }

  /** Checks every key's name and type, nested objects and list elements included. */
  static void check(JsonObject json) {
    Set<String> unknown = new TreeSet<>();
    for (String key : json.fieldNames()) {
      if (!TOP.containsKey(key)) {
        unknown.add(key);
      } else if (NESTED.containsKey(key) && json.getValue(key) instanceof JsonObject nested) {
        for (String k : nested.fieldNames()) {
          if (!NESTED.get(key).containsKey(k)) unknown.add(key + "." + k);
        }
      }
    }
    if (!unknown.isEmpty()) {
      // dockerd's wording, so operators recognise it.
      throw new ConfigException("the following directives don't match any configuration option: " + String.join(", ", unknown));
    }
    TOP.forEach((key, type) -> checkValue(key, type, json.getValue(key)));
    NESTED.forEach((outer, keys) -> {
      if (json.getValue(outer) instanceof JsonObject nested) {
        keys.forEach((key, type) -> checkValue(outer + "." + key, type, nested.getValue(key)));
      }
    });
    JsonArray pools = json.getJsonArray("default-address-pools");
    if (pools != null) {
      for (int i = 0; i < pools.size(); i++) {
        JsonObject pool = pools.getJsonObject(i);
        for (String k : pool.fieldNames()) {
          if (!NESTED.get("default-address-pools[]").containsKey(k)) {
            throw new ConfigException("the following directives don't match any configuration option: "
                + "default-address-pools[" + i + "]." + k);
          }
        }
        int index = i;
        NESTED.get("default-address-pools[]").forEach((key, type) ->
            checkValue("default-address-pools[" + index + "]." + key, type, pool.getValue(key)));
      }
    }
  }

  private static void checkValue(String key, Class<?> type, Object value) {
    if (value == null) return;
    if (type == STRINGS || type == OBJECTS) {
      Class<?> element = type == STRINGS ? String.class : JsonObject.class;
      if (!(value instanceof JsonArray list)) throw wrongType(key, type, value);
      for (int i = 0; i < list.size(); i++) {
        Object e = list.getValue(i);
        if (!element.isInstance(e)) throw wrongType(key + "[" + i + "]", element, e);
      }
    } else if (type == STRING_MAP) {
      if (!(value instanceof JsonObject map)) throw wrongType(key, type, value);
      map.forEach(e -> {
        Object v = e.getValue();
        if (v instanceof JsonObject || v instanceof JsonArray) throw wrongType(key + "." + e.getKey(), String.class, v);
      });
    } else if (!type.isInstance(value)) {
      throw wrongType(key, type, value);
    }
  }

  private static ConfigException wrongType(String key, Class<?> type, Object value) {
    return new ConfigException("invalid value for '" + key + "': expected " + typeName(type) + ", got "
        + (value instanceof String s ? "\"" + s + "\"" : value));
  }

  static String typeName(Class<?> type) {
    if (type == STRINGS) return "a list of strings";
    if (type == OBJECTS) return "a list of objects";
    if (type == STRING_MAP) return "an object of strings";
    if (type == JsonObject.class) return "an object";
    if (type == Integer.class) return "a number";
    if (type == Boolean.class) return "true or false";
    return "a string";
  }
}
