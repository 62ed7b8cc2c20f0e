package io.berth.kit.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node's configuration, read from {@code daemon.json} with Docker's key names where Docker has the setting
 * ({@code data-root}, {@code log-driver}, {@code dns}, {@code bip}, ...) plus berth's own ({@code kafka}, {@code cluster}).
 * Values are validated once, when loaded ({@link ConfigLoader}); the typed accessors below never fail afterwards.
 */
public final class DaemonConfig {
  public static final String DEFAULT_DATA_ROOT = "/var/lib/berth";
  public static final String DEFAULT_EXEC_ROOT = "/run/berth";
  public static final String DEFAULT_CONFIG_FILE = "/etc/berth/daemon.json";

  private final JsonObject json;
  /** Where the TLS files are by default (dockerd's DOCKER_CERT_PATH, DOCKER_CONFIG or ~/.docker). */
  private final Path certDir;
  private final ApiTls tls;

  DaemonConfig(JsonObject json, Path certDir) {
    this.json = json;
    this.certDir = certDir;
    this.tls = ApiTls.of(json, certDir);
  }

  /** A configuration from JSON, validated as a loaded file is (the TLS files' defaults from this process's environment). */
  public static DaemonConfig of(JsonObject json) {
    return ConfigLoader.validated(json.copy(), ApiTls.defaultCertDir(System.getenv()));
  }

  public Path dataRoot() { return Path.of(json.getString("data-root", DEFAULT_DATA_ROOT)); }
  public Path execRoot() { return Path.of(json.getString("exec-root", DEFAULT_EXEC_ROOT)); }

  /**
   * Where the node's API listens: {@code unix:///run/berth/docker.sock} and/or {@code tcp://127.0.0.1:2375}. With TLS
   * on and no hosts given it is {@code tcp://localhost:2376}, as dockerd's default TLS host.
   */
  public List<String> hosts() {
    JsonArray hosts = json.getJsonArray("hosts");
    if (hosts == null || hosts.isEmpty()) {
      return List.of(tls.enabled() ? "tcp://localhost:" + ApiHost.DEFAULT_TLS_PORT : "unix://" + execRoot().resolve("docker.sock"));
    }
    return hosts.stream().map(Object::toString).toList();
  }

  /** {@link #hosts()} parsed; a TCP address without a port gets 2376 with TLS, 2375 without. */
  public List<ApiHost> apiHosts() {
    return hosts().stream().map(h -> ApiHost.parse(h, tls.enabled())).toList();
  }

  /** TLS of the API's TCP listeners ({@code tls}, {@code tlsverify}, {@code tlscacert}, {@code tlscert}, {@code tlskey}). */
  public ApiTls tls() { return tls; }

  /** The name of this node (its host); resources of local scope are keyed by it. */
  public String nodeName() { return json.getString("node-name", defaultNodeName()); }

  /** {@code log-level}, or {@code debug} when {@code debug} is on: dockerd's debug mode sets that level whatever log-level says. */
  public String logLevel() { return debug() ? "debug" : json.getString("log-level", "info"); }
  /** dockerd's debug mode ({@code debug: true}, {@code -D}). */
  public boolean debug() { return json.getBoolean("debug", false); }
  public String logDriver() { return json.getString("log-driver", "json-file"); }
  public Map<String, String> logOpts() { return stringMap("log-opts"); }
  public List<String> dns() { return strings("dns"); }
  public List<String> dnsSearch() { return strings("dns-search"); }
  public List<String> dnsOptions() { return strings("dns-opts"); }
  public Optional<String> bip() { return Optional.ofNullable(json.getString("bip")); }
  public Optional<Integer> mtu() { return Optional.ofNullable(json.getInteger("mtu")); }

  /** {@code default-address-pools}: [{"base": "172.30.0.0/16", "size": 24}, ...]; empty means Docker's defaults. */
  public List<JsonObject> defaultAddressPools() {
    JsonArray pools = json.getJsonArray("default-address-pools");
    return pools == null ? List.of() : pools.stream().map(JsonObject.class::cast).toList();
  }

  /** Kafka bootstrap servers; empty means "start the embedded broker" (all-in-one node only). */
  public Optional<String> kafkaBootstrap() { return Optional.ofNullable(kafka().getString("bootstrap-servers")); }
  /** host:port the embedded broker listens on. */
  public String kafkaListen() { return kafka().getString("listen", "127.0.0.1:9192"); }
  public int kafkaPartitions() { return kafka().getInteger("partitions", 3); }
  public short kafkaReplication() { return kafka().getInteger("replication-factor", 1).shortValue(); }

  /** Hazelcast members to join (host:port); empty means a single-member cluster of this node. */
  public List<String> clusterMembers() { return cluster().getJsonArray("members", new JsonArray()).stream().map(Object::toString).toList(); }
  public String clusterHost() { return cluster().getString("host", "127.0.0.1"); }
  public int clusterPort() { return cluster().getInteger("port", 5701); }
  public String clusterName() { return cluster().getString("name", "berth"); }
  /** "tcp" (default) or "kubernetes" (discovery through the Kubernetes API, for k8s/). */
  public String clusterDiscovery() { return cluster().getString("discovery", "tcp"); }
  public JsonObject clusterKubernetes() { return cluster().getJsonObject("kubernetes", new JsonObject()); }

  /** The raw, validated document: services read their own keys from it. */
  public JsonObject json() { return json.copy(); }

  public DaemonConfig with(String key, Object value) {
    JsonObject copy = json.copy();
    copy.put(key, value);
    return ConfigLoader.validated(copy, certDir);
  }

  private JsonObject kafka() { return json.getJsonObject("kafka", new JsonObject()); }
  private JsonObject cluster() { return json.getJsonObject("cluster", new JsonObject()); }

  private List<String> strings(String key) {
    JsonArray a = json.getJsonArray(key);
    return a == null ? List.of() : a.stream().map(Object::toString).toList();
  }

  private Map<String, String> stringMap(String key) {
    JsonObject o = json.getJsonObject(key, new JsonObject());
    java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
    o.forEach(e -> m.put(e.getKey(), String.valueOf(e.getValue())));
    return Map.copyOf(m);
  }

  private static String defaultNodeName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) return env;
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public String toString() {
    return json.encode();
  }
}
