package io.berth.logging.domain;

import io.berth.kit.errors.BerthException;
import io.berth.kit.units.ByteSize;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a container's log configuration the way dockerd does at container create ({@code logger.ValidateLogOpts}
 * followed by each driver's validator and the checks its constructor makes), with Docker's messages, so a bad
 * configuration is refused before anything is started. Unknown option → {@code unknown log opt 'x' for json-file log
 * driver}; unknown driver → {@code logger: no log driver named 'x' is registered}.
 */
public final class LogConfigValidator {
  /** Options every driver accepts (Docker's built-in options plus the dual-logging cache options). */
  private static final Set<String> BUILT_IN = Set.of("mode", "max-buffer-size",
      "cache-disabled", "cache-max-size", "cache-max-file", "cache-compress");
  private static final Set<String> ATTRS = Set.of("tag", "labels", "labels-regex", "env", "env-regex");
  /** berth's own option for remote drivers: the bound of the disk spool used while the sink is down. */
  public static final String SPOOL_MAX_SIZE = "spool-max-size";

  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "json-file", union(Set.of("max-file", "max-size", "compress"), ATTRS),
      "local", Set.of("max-file", "max-size", "compress"),
      "journald", ATTRS,
      "syslog", union(Set.of("syslog-address", "syslog-facility", "syslog-tls-ca-cert", "syslog-tls-cert",
          "syslog-tls-key", "syslog-tls-skip-verify", "syslog-format", SPOOL_MAX_SIZE), ATTRS),
      "gelf", union(Set.of("gelf-address", "gelf-compression-level", "gelf-compression-type",
          "gelf-tcp-max-reconnect", "gelf-tcp-reconnect-delay", SPOOL_MAX_SIZE), ATTRS),
      "splunk", union(Set.of("splunk-url", "splunk-token", "splunk-source", "splunk-sourcetype", "splunk-index",
          "splunk-capath", "splunk-caname", "splunk-insecureskipverify", "splunk-format", "splunk-verify-connection",
          "splunk-gzip", "splunk-gzip-level", "splunk-index-acknowledgment", SPOOL_MAX_SIZE), ATTRS),
      "fluentd", union(Set.of("fluentd-address", "fluentd-async", "fluentd-async-connect", "fluentd-buffer-limit",
          "fluentd-retry-wait", "fluentd-max-retries", "fluentd-sub-second-precision", "fluentd-request-ack",
          "fluentd-write-timeout", "fluentd-async-reconnect-interval", SPOOL_MAX_SIZE), ATTRS),
      "none", Set.of());

  private LogConfigValidator() {}

  /** The drivers berth has, by Docker name. */
  public static Set<String> drivers() {
    return OPTIONS.keySet();
  }

  /**
   * Docker's merge: type {@code ""} means the daemon's driver; when the container uses the daemon's driver, daemon
   * {@code log-opts} fill the options it did not set.
   */
  public static EffectiveLogConfig resolve(String type, Map<String, String> config, String daemonDriver,
                                           Map<String, String> daemonOpts) {
    String driver = type == null || type.isEmpty() ? daemonDriver : type;
    Map<String, String> opts = new HashMap<>(config == null ? Map.of() : config);
    if (driver.equals(daemonDriver)) {
      daemonOpts.forEach(opts::putIfAbsent);
    }
    return new EffectiveLogConfig(driver, Map.copyOf(opts));
  }

  /** Throws {@link BerthException.InvalidRequest} with Docker's message when {@code cfg} is not acceptable. */
  public static void validate(EffectiveLogConfig cfg) {
    String name = cfg.driver();
    Map<String, String> opts = cfg.options();
    if (name.equals("none")) return;
    String mode = opts.getOrDefault("mode", "");
    if (!mode.isEmpty() && !mode.equals("blocking") && !mode.equals("non-blocking")) {
      throw invalid("logger: logging mode not supported: %s", mode);
    }
    if (opts.containsKey("max-buffer-size")) {
      if (!mode.equals("non-blocking")) {
        throw invalid("logger: max-buffer-size option is only supported with 'mode=non-blocking'");
      }
      try {
        ByteSize.ramInBytes(opts.get("max-buffer-size"));
      } catch (BerthException.InvalidRequest e) {
        throw invalid("error parsing option max-buffer-size: %s", e.getMessage());
      }
    }
    Set<String> allowed = OPTIONS.get(name);
    if (allowed == null) {
      throw invalid("logger: no log driver named '%s' is registered", name);
    }
    validateCache(opts);
    for (String key : opts.keySet()) {
      if (BUILT_IN.contains(key) || allowed.contains(key)) continue;
      throw switch (name) {
        case "gelf" -> invalid("unknown log opt %s for gelf log driver", quote(key));
        default -> invalid("unknown log opt '%s' for %s log driver", key, name);
      };
    }
    switch (name) {
      case "json-file", "local" -> FileOptions.parse(name, opts);
      case "syslog" -> SyslogOptionChecks.check(opts);
      case "gelf" -> checkGelf(opts);
      case "splunk" -> checkSplunk(opts);
      case "fluentd" -> checkFluentd(opts);
      default -> { }
    }
    if (opts.containsKey(SPOOL_MAX_SIZE)) ByteSize.ramInBytes(opts.get(SPOOL_MAX_SIZE));
    ExtraAttributes.of(opts, new ContainerInfo("0", "", "", "", "", null, "", null, null, false, null), k -> k);
  }

  private static void validateCache(Map<String, String> opts) {
    for (String b : new String[] {"cache-disabled", "cache-compress"}) {
      String v = opts.get(b);
      if (v != null && parseBool(v) == null) throw invalid("error parsing %s: %s", b, syntax("ParseBool", v));
    }
    if (opts.containsKey("cache-max-size")) {
      long size = ByteSize.ramInBytes(opts.get("cache-max-size"));
      if (size <= 0) throw invalid("max-size must be a positive number");
    }
    if (opts.containsKey("cache-max-file")) {
      intOption("cache-max-file", opts.get("cache-max-file"));
    }
  }

  private static void checkGelf(Map<String, String> opts) {
    for (String key : new String[] {"gelf-compression-level", "gelf-compression-type"}) {
      String v = opts.get(key);
      if (v == null) continue;
      boolean ok = key.equals("gelf-compression-type") ? Set.of("gzip", "zlib", "none").contains(v)
          : isIntIn(v, -1, 9);
      if (!ok) throw invalid("unknown value %s for log opt %s for gelf log driver", quote(v), quote(key));
    }
    for (String key : new String[] {"gelf-tcp-max-reconnect", "gelf-tcp-reconnect-delay"}) {
      String v = opts.get(key);
      if (v != null && !isIntIn(v, 0, Integer.MAX_VALUE)) {
        throw invalid("%s must be a positive integer", key);
      }
    }
    String address = opts.get("gelf-address");
    if (address == null || address.isEmpty()) throw invalid("gelf-address is a required parameter");
    URI uri = transportUri(address, "gelf-address");
    if (!uri.getScheme().equals("udp") && !uri.getScheme().equals("tcp")) {
      throw invalid("gelf: endpoint needs to be TCP or UDP");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw invalid("gelf: please provide gelf-address as proto://host:port");
    }
    if (uri.getScheme().equals("tcp") && (opts.containsKey("gelf-compression-type")
        || opts.containsKey("gelf-compression-level"))) {
      throw invalid("compression is not supported with the tcp gelf-address");
    }
  }

  private static void checkSplunk(Map<String, String> opts) {
    if (!opts.containsKey("splunk-url")) throw invalid("splunk: splunk-url is expected");
    if (!opts.containsKey("splunk-token")) throw invalid("splunk: splunk-token is expected");
    URI u;
    try {
      u = URI.create(opts.get("splunk-url"));
    } catch (IllegalArgumentException e) {
      throw invalid("splunk: failed to parse %s as url value in splunk-url", opts.get("splunk-url"));
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/"))
        || u.getQuery() != null || u.getFragment() != null) {
      throw invalid("splunk: expected format scheme://dns_name_or_ip:port for splunk-url");
    }
    String format = opts.get("splunk-format");
    if (format != null && !Set.of("inline", "json", "raw").contains(format)) {
      throw invalid("splunk: Unknown format specified %s, supported formats are inline, json and raw", format);
    }
    for (String b : new String[] {"splunk-gzip", "splunk-insecureskipverify", "splunk-verify-connection",
        "splunk-index-acknowledgment"}) {
      String v = opts.get(b);
      if (v != null && parseBool(v) == null) throw invalid(syntax("ParseBool", v));
    }
    String level = opts.get("splunk-gzip-level");
    if (level != null && !isIntIn(level, -1, 9)) {
      throw invalid("splunk: Not supported level '%s' for splunk-gzip-level", level);
    }
  }

  private static void checkFluentd(Map<String, String> opts) {
    FluentdOptions.parse(opts);
  }

  static URI transportUri(String address, String key) {
    int sep = address.indexOf("://");
    if (sep <= 0) throw invalid("%s should be in form proto://address, got %s", key, address);
    try {
      return URI.create(address);
    } catch (IllegalArgumentException e) {
      throw invalid("parse \"%s\": %s", address, e.getMessage());
    }
  }

  static int intOption(String key, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw invalid(syntax("Atoi", v));
    }
  }

  static String syntax(String fn, String v) {
    return "strconv." + fn + ": parsing " + quote(v) + ": invalid syntax";
  }

  /** Go's {@code strconv.ParseBool}. */
  public static Boolean parseBool(String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static boolean isIntIn(String v, int min, int max) {
    try {
      int i = Integer.parseInt(v);
      return i >= min && i <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static BerthException.InvalidRequest invalid(String format, Object... args) {
    return new BerthException.InvalidRequest(args.length == 0 ? format : String.format(format, args));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
