package io.berth.kit.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a node's configuration: {@code daemon.json}, then {@code BERTH_*} environment variables, then command-line
 * flags, each overriding the one before. Every key is checked against the known ones, as dockerd does, so a typo is
 * an error naming the key instead of a silently ignored setting.
 */
public final class ConfigLoader {

  /** Known top-level keys and the JSON type each must have. */
  private static final Map<String, Class<?>> KEYS = Map.ofEntries(
      Map.entry("data-root", String.class), Map.entry("exec-root", String.class),
      Map.entry("hosts", JsonArray.class), Map.entry("node-name", String.class),
      Map.entry("log-level", String.class), Map.entry("log-driver", String.class),
      Map.entry("log-opts", JsonObject.class), Map.entry("dns", JsonArray.class),
      Map.entry("dns-search", JsonArray.class), Map.entry("dns-opts", JsonArray.class),
      Map.entry("bip", String.class), Map.entry("mtu", Integer.class),
      Map.entry("default-address-pools", JsonArray.class), Map.entry("ipv6", Boolean.class),
      Map.entry("fixed-cidr-v6", String.class), Map.entry("debug", Boolean.class),
      Map.entry("tls", Boolean.class), Map.entry("tlsverify", Boolean.class), Map.entry("tlscacert", String.class),
      Map.entry("tlscert", String.class), Map.entry("tlskey", String.class),
      Map.entry("kafka", JsonObject.class), Map.entry("cluster", JsonObject.class));
  private static final Set<String> KAFKA_KEYS = Set.of("bootstrap-servers", "listen", "partitions", "replication-factor");
  private static final Set<String> CLUSTER_KEYS = Set.of("members", "host", "port", "name", "discovery", "kubernetes");
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal");

  /** Environment variable → key; lists are comma-separated. */
  private static final Map<String, String> ENV = Map.of(
      "BERTH_DATA_ROOT", "data-root", "BERTH_EXEC_ROOT", "exec-root", "BERTH_NODE_NAME", "node-name",
      "BERTH_LOG_LEVEL", "log-level", "BERTH_HOSTS", "hosts", "BERTH_KAFKA", "kafka.bootstrap-servers",
      "BERTH_CLUSTER", "cluster.members", "BERTH_CLUSTER_PORT", "cluster.port", "BERTH_KAFKA_LISTEN", "kafka.listen");

  private ConfigLoader() {}

  /**
   * Loads {@code file} (absent is fine when it is the default path), applies the environment and the flags (already
   * parsed to key → value, with the same keys as daemon.json and dotted ones for {@code kafka.*} and {@code cluster.*}).
   */
  public static DaemonConfig load(Path file, boolean fileMustExist, Map<String, String> env, Map<String, Object> flags) {
    JsonObject json = readFile(file, fileMustExist);
    ENV.forEach((var, key) -> {
      String v = env.get(var);
      if (v != null && !v.isBlank()) set(json, key, v);
    });
    flags.forEach((key, v) -> set(json, key, v));
    return new DaemonConfig(validate(json));
  }

  static JsonObject readFile(Path file, boolean mustExist) {
    try {
      String text = Files.readString(file);
      try {
        return new JsonObject(text);
      } catch (DecodeException | ClassCastException e) {
        throw new ConfigException("unable to configure the berth daemon with file " + file + ": invalid JSON: "
            + e.getMessage().lines().findFirst().orElse(""));
      }
    } catch (NoSuchFileException e) {
      if (mustExist) throw new ConfigException("unable to configure the berth daemon with file " + file + ": no such file");
      return new JsonObject();
    } catch (IOException e) {
      throw new ConfigException("unable to configure the berth daemon with file " + file + ": " + e.getMessage());
    }
  }

  /** Checks names and types of every key; returns the document with strings coerced where a flag gave a string. */
  static JsonObject validate(JsonObject json) {
    Set<String> unknown = new TreeSet<>();
    for (String key : json.fieldNames()) {
      if (!KEYS.containsKey(key)) unknown.add(key);
    }
    if (!unknown.isEmpty()) {
      // dockerd's wording, so operators recognise it.
      throw new ConfigException("the following directives don't match any configuration option: " + String.join(", ", unknown));
    }
    KEYS.forEach((key, type) -> {
      Object v = json.getValue(key);
      if (v != null && !type.isInstance(v)) {
        throw new ConfigException("invalid value for '" + key + "': expected " + typeName(type) + ", got " + v);
      }
    });
    checkNested(json, "kafka", KAFKA_KEYS);
    checkNested(json, "cluster", CLUSTER_KEYS);
    String level = json.getString("log-level");
    if (level != null && !LOG_LEVELS.contains(level)) {
      throw new ConfigException("invalid value for 'log-level': " + level + " (one of " + new TreeSet<>(LOG_LEVELS) + ")");
    }
    Integer mtu = json.getInteger("mtu");
    if (mtu != null && (mtu < 68 || mtu > 65535)) {
      throw new ConfigException("invalid value for 'mtu': " + mtu + " (68..65535)");
    }
    for (String hostKey : json.getJsonArray("hosts", new JsonArray()).stream().map(Object::toString).toList()) {
      if (!hostKey.startsWith("unix://") && !hostKey.startsWith("tcp://")) {
        throw new ConfigException("invalid value for 'hosts': " + hostKey + " (unix:///path or tcp://host:port)");
      }
    }
    return json;
  }

  private static void checkNested(JsonObject json, String key, Set<String> allowed) {
    JsonObject nested = json.getJsonObject(key);
    if (nested == null) return;
    for (String k : nested.fieldNames()) {
      if (!allowed.contains(k)) {
        throw new ConfigException("the following directives don't match any configuration option: " + key + "." + k);
      }
    }
  }

  private static void set(JsonObject json, String dottedKey, Object value) {
    int dot = dottedKey.indexOf('.');
    if (dot > 0) {
      String outer = dottedKey.substring(0, dot);
      JsonObject nested = json.getJsonObject(outer);
      if (nested == null) {
        nested = new JsonObject();
        json.put(outer, nested);
      }
      set(nested, dottedKey.substring(dot + 1), value);
      return;
    }
    json.put(dottedKey, coerce(dottedKey, value));
  }

  /** Flags and environment give strings; turn them into the type the key needs. */
  private static Object coerce(String key, Object value) {
    if (!(value instanceof String s)) return value;
    Function<String, JsonArray> list = v -> {
      JsonArray a = new JsonArray();
      for (String part : v.split(",")) if (!part.isBlank()) a.add(part.trim());
      return a;
    };
    return switch (key) {
      case "hosts", "members", "dns", "dns-search", "dns-opts" -> list.apply(s);
      case "port", "partitions", "replication-factor", "mtu" -> {
        try {
          yield Integer.parseInt(s);
        } catch (NumberFormatException e) {
          throw new ConfigException("invalid value for '" + key + "': " + s + " is not a number");
        }
      }
      default -> s;
    };
  }

  private static String typeName(Class<?> type) {
    if (type == JsonArray.class) return "a list";
    if (type == JsonObject.class) return "an object";
    if (type == Integer.class) return "a number";
    if (type == Boolean.class) return "true or false";
    return "a string";
  }
}
