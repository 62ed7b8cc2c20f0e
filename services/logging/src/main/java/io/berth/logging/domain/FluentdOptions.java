package io.berth.logging.domain;

import io.berth.kit.units.ByteSize;
import java.util.Map;

/**
 * The fluentd driver's delivery options, parsed and checked as dockerd's {@code parseConfig} does, with its messages.
 *
 * @param async             {@code fluentd-async}, or its deprecated alias {@code fluentd-async-connect}
 * @param deprecatedAlias   the alias was used
 * @param bufferLimit       {@code fluentd-buffer-limit}: messages held while fluentd is unreachable in async mode
 *                          (go-units size syntax, default 1048576)
 * @param retryWaitMillis   {@code fluentd-retry-wait} (Go duration, default 1s): the first wait between attempts,
 *                          growing 1.5× per attempt up to 60 s as fluent-logger-golang does
 * @param maxRetries        {@code fluentd-max-retries} (default MaxInt32: in effect, never give up)
 * @param reconnectMillis   {@code fluentd-async-reconnect-interval} (0 or 100ms–10s): reconnect that often, so a
 *                          fluentd whose address moved (DNS) is found again
 * @param subSecond         {@code fluentd-sub-second-precision}: EventTime instead of integer seconds
 * @param requestAck        {@code fluentd-request-ack}: a batch counts only when fluentd acknowledges its chunk
 * @param writeTimeoutMillis {@code fluentd-write-timeout} (Go duration, default 0 = none)
 */
public record FluentdOptions(boolean async, boolean deprecatedAlias, long bufferLimit, long retryWaitMillis,
                             int maxRetries, long reconnectMillis, boolean subSecond, boolean requestAck,
                             long writeTimeoutMillis) {
  public static final long DEFAULT_BUFFER_LIMIT = 1024 * 1024;
  public static final int DEFAULT_MAX_RETRIES = Integer.MAX_VALUE;
  private static final long MIN_RECONNECT = 100_000_000L;
  private static final long MAX_RECONNECT = 10_000_000_000L;

  public static FluentdOptions parse(Map<String, String> cfg) {
    FluentdAddress.parse(cfg.get("fluentd-address"));
    long bufferLimit = DEFAULT_BUFFER_LIMIT;
    if (set(cfg, "fluentd-buffer-limit")) bufferLimit = ByteSize.ramInBytes(cfg.get("fluentd-buffer-limit"));
    long retryWait = 1000;
    if (set(cfg, "fluentd-retry-wait")) retryWait = duration(cfg.get("fluentd-retry-wait")) / 1_000_000;
    int maxRetries = DEFAULT_MAX_RETRIES;
    if (set(cfg, "fluentd-max-retries")) maxRetries = parseUint(cfg.get("fluentd-max-retries"));
    if (set(cfg, "fluentd-async") && set(cfg, "fluentd-async-connect")) {
      // Docker's message, closing quote missing as in dockerd
      throw LogConfigValidator.invalid("conflicting options: cannot specify both 'fluentd-async' and "
          + "'fluentd-async-connect");
    }
    boolean async = set(cfg, "fluentd-async") && bool(cfg.get("fluentd-async"));
    boolean asyncConnect = set(cfg, "fluentd-async-connect") && bool(cfg.get("fluentd-async-connect"));
    long reconnect = 0;
    if (set(cfg, "fluentd-async-reconnect-interval")) {
      String v = cfg.get("fluentd-async-reconnect-interval");
      long nanos;
      try {
        nanos = GoDuration.parseNanos(v);
      } catch (IllegalArgumentException e) {
        throw LogConfigValidator.invalid("invalid value for fluentd-async-reconnect-interval: %s", e.getMessage());
      }
      if (nanos != 0 && (nanos < MIN_RECONNECT || nanos > MAX_RECONNECT)) {
        throw LogConfigValidator.invalid("invalid value for fluentd-async-reconnect-interval: value (\"%s\") must be "
            + "between 100ms and 10s", GoDuration.format(nanos));
      }
      reconnect = nanos / 1_000_000;
    }
    boolean subSecond = set(cfg, "fluentd-sub-second-precision") && bool(cfg.get("fluentd-sub-second-precision"));
    boolean requestAck = set(cfg, "fluentd-request-ack") && bool(cfg.get("fluentd-request-ack"));
    long writeTimeout = 0;
    if (set(cfg, "fluentd-write-timeout")) writeTimeout = duration(cfg.get("fluentd-write-timeout")) / 1_000_000;
    return new FluentdOptions(async || asyncConnect, asyncConnect, bufferLimit, retryWait, maxRetries, reconnect,
        subSecond, requestAck, writeTimeout);
  }

  private static boolean set(Map<String, String> cfg, String key) {
    String v = cfg.get(key);
    return v != null && !v.isEmpty();
  }

  private static boolean bool(String v) {
    Boolean b = LogConfigValidator.parseBool(v);
    if (b == null) throw LogConfigValidator.invalid(LogConfigValidator.syntax("ParseBool", v));
    return b;
  }

  private static long duration(String v) {
    try {
      return GoDuration.parseNanos(v);
    } catch (IllegalArgumentException e) {
      throw LogConfigValidator.invalid(e.getMessage());
    }
  }

  private static int parseUint(String v) {
    if (!v.matches("[0-9]+")) throw LogConfigValidator.invalid(LogConfigValidator.syntax("ParseUint", v));
    try {
      long n = Long.parseLong(v);
      return (int) Math.min(n, Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      throw LogConfigValidator.invalid("strconv.ParseUint: parsing %s: value out of range",
          LogConfigValidator.quote(v));
    }
  }
}
