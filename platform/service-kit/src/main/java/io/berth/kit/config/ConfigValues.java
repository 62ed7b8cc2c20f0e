package io.berth.kit.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/** Checks the values of keys whose types {@link ConfigKeys} already checked; each error names the full key. */
final class ConfigValues {
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "fatal");
  private static final Set<String> DISCOVERIES = Set.of("tcp", "kubernetes");

  private ConfigValues() {}

  static void check(JsonObject json) {
    oneOf("log-level", json.getString("log-level"), LOG_LEVELS);
    // A key berth accepts is a key berth honours: the default bridge has no IPv6 yet, so asking for it is refused
    // rather than silently ignored (ipv6: false is what berth does anyway).
    if (Boolean.TRUE.equals(json.getBoolean("ipv6"))) {
      throw new ConfigException("invalid value for 'ipv6': true is not supported: berth does not give the default "
          + "bridge network IPv6 yet; create a network with IPv6 instead (docker network create --ipv6)");
    }
    if (json.getValue("fixed-cidr-v6") != null) {
      throw new ConfigException("'fixed-cidr-v6' is not supported: berth does not give the default bridge network "
          + "IPv6 yet; create a network with IPv6 instead (docker network create --ipv6 --subnet ...)");
    }
    range("mtu", json.getInteger("mtu"), 68, 65535);
    for (Object host : json.getJsonArray("hosts", new JsonArray())) {
      ApiHost.parse(host.toString(), false);
    }
    JsonObject kafka = json.getJsonObject("kafka", new JsonObject());
    hostPort("kafka.listen", kafka.getString("listen"));
    range("kafka.partitions", kafka.getInteger("partitions"), 1, Integer.MAX_VALUE);
    range("kafka.replication-factor", kafka.getInteger("replication-factor"), 1, Short.MAX_VALUE);
    JsonObject cluster = json.getJsonObject("cluster", new JsonObject());
    range("cluster.port", cluster.getInteger("port"), 1, 65535);
    oneOf("cluster.discovery", cluster.getString("discovery"), DISCOVERIES);
    JsonArray pools = json.getJsonArray("default-address-pools", new JsonArray());
    for (int i = 0; i < pools.size(); i++) {
      JsonObject pool = pools.getJsonObject(i);
      if (pool.getString("base") == null) {
        throw new ConfigException("invalid value for 'default-address-pools[" + i + "]': base is required");
      }
    }
  }

  private static void oneOf(String key, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new ConfigException("invalid value for '" + key + "': " + value + " (one of " + new TreeSet<>(allowed) + ")");
    }
  }

  private static void range(String key, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new ConfigException("invalid value for '" + key + "': " + value + " (" + min + ".." + max + ")");
    }
  }

  /** {@code host:port}, as the embedded broker's listener is given. */
  private static void hostPort(String key, String value) {
    if (value == null) return;
    int colon = value.lastIndexOf(':');
    boolean ok = colon > 0 && colon < value.length() - 1;
    if (ok) {
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        ok = port > 0 && port <= 65535;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) throw new ConfigException("invalid value for '" + key + "': " + value + " (host:port)");
  }
}
