package io.berth.kit.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a node's configuration: {@code daemon.json}, then {@code BERTH_*} environment variables, then command-line
 * flags, each overriding the one before. Every key is checked against the known ones, as dockerd does, so a typo is
 * an error naming the key instead of a silently ignored setting.
 */
public final class ConfigLoader {

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
    return validated(json, ApiTls.defaultCertDir(env));
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

  /**
   * Checks names and types of every key, then their values, then what the API's listeners need: TLS files readable
   * and no unauthenticated TCP listener off loopback without the operator's explicit opt-in.
   */
  static DaemonConfig validated(JsonObject json, Path certDir) {
    ConfigKeys.check(json);
    ConfigValues.check(json);
    DaemonConfig config = new DaemonConfig(json, certDir);
    List<ApiHost> hosts = config.apiHosts();
    config.tls().check();
    hosts.forEach(config.tls()::checkExposure);
    return config;
  }

  /** Puts a flag's or variable's value at its key; {@code kafka.listen} goes inside {@code kafka}. */
  private static void set(JsonObject json, String dottedKey, Object value) {
    Object typed = coerce(dottedKey, value);
    int dot = dottedKey.indexOf('.');
    if (dot < 0) {
      json.put(dottedKey, typed);
      return;
    }
    String outer = dottedKey.substring(0, dot);
    if (!(json.getValue(outer) instanceof JsonObject)) {
      if (json.getValue(outer) != null) {
        throw new ConfigException("invalid value for '" + outer + "': expected an object, got " + json.getValue(outer));
      }
      json.put(outer, new JsonObject());
    }
    json.getJsonObject(outer).put(dottedKey.substring(dot + 1), typed);
  }

  /** Flags and environment give strings; turn them into the type the key needs, named by its full key. */
  private static Object coerce(String fullKey, Object value) {
    if (!(value instanceof String s)) return value;
    Class<?> type = ConfigKeys.typeOf(fullKey);
    if (type == ConfigKeys.STRINGS) {
      JsonArray a = new JsonArray();
      for (String part : s.split(",")) if (!part.isBlank()) a.add(part.trim());
      return a;
    }
    if (type == Integer.class) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException("invalid value for '" + fullKey + "': " + s + " is not a number");
      }
    }
    if (type == Boolean.class) {
      return switch (s.trim()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw new ConfigException("invalid value for '" + fullKey + "': " + s + " is not true or false");
      };
    }
    return s;
  }
}
