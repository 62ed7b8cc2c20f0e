package io.berth.logging.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad log configurations get dockerd's messages; good ones pass, with the daemon default applied. */
class LogConfigValidatorTest {
  static String error(String driver, Map<String, String> opts) {
    return assertThrows(BerthException.InvalidRequest.class,
        () -> LogConfigValidator.validate(new EffectiveLogConfig(driver, opts))).getMessage();
  }

  @Test
  void dockersMessages() {
    assertEquals("logger: no log driver named 'foo' is registered", error("foo", Map.of()));
    assertEquals("unknown log opt 'max-sise' for json-file log driver", error("json-file", Map.of("max-sise", "1m")));
    assertEquals("unknown log opt 'foo' for syslog log driver", error("syslog", Map.of("foo", "1")));
    assertEquals("unknown log opt \"foo\" for gelf log driver",
        error("gelf", Map.of("foo", "1", "gelf-address", "udp://127.0.0.1:12201")));
    assertEquals("invalid size: 'ten'", error("json-file", Map.of("max-size", "ten")));
    assertEquals("max-file cannot be less than 1", error("json-file", Map.of("max-file", "0")));
    assertEquals("compress cannot be true when max-file is less than 2 or max-size is not set",
        error("json-file", Map.of("compress", "true")));
    assertEquals("logger: logging mode not supported: fast", error("json-file", Map.of("mode", "fast")));
    assertEquals("logger: max-buffer-size option is only supported with 'mode=non-blocking'",
        error("json-file", Map.of("max-buffer-size", "4m")));
    assertEquals("syslog-address should be in form proto://address, got 127.0.0.1",
        error("syslog", Map.of("syslog-address", "127.0.0.1")));
    assertEquals("unsupported scheme: 'http'", error("syslog", Map.of("syslog-address", "http://127.0.0.1")));
    assertEquals("stat /nonexistent/sock: no such file or directory",
        error("syslog", Map.of("syslog-address", "unix:///nonexistent/sock")));
    assertEquals("invalid syslog facility", error("syslog", Map.of("syslog-facility", "kitchen")));
    assertEquals("Invalid syslog format", error("syslog", Map.of("syslog-format", "rfc1")));
    assertEquals("gelf-address is a required parameter", error("gelf", Map.of()));
    assertEquals("gelf: endpoint needs to be TCP or UDP", error("gelf", Map.of("gelf-address", "http://h:1")));
    assertEquals("unknown value \"brotli\" for log opt \"gelf-compression-type\" for gelf log driver",
        error("gelf", Map.of("gelf-address", "udp://h:1", "gelf-compression-type", "brotli")));
    assertEquals("splunk: splunk-url is expected", error("splunk", Map.of("splunk-token", "t")));
    assertEquals("splunk: splunk-token is expected", error("splunk", Map.of("splunk-url", "http://h:8088")));
    assertEquals("unknown log opt 'x' for journald log driver", error("journald", Map.of("x", "y")));
  }

  @Test
  void acceptedConfigurationsAndDefaults() {
    assertDoesNotThrow(() -> LogConfigValidator.validate(new EffectiveLogConfig("json-file",
        Map.of("max-size", "10m", "max-file", "3", "compress", "true", "labels", "a", "tag", "{{.Name}}",
            "mode", "non-blocking", "max-buffer-size", "4m", "cache-disabled", "false"))));
    assertDoesNotThrow(() -> LogConfigValidator.validate(new EffectiveLogConfig("none", Map.of("anything", "x"))));
    assertDoesNotThrow(() -> LogConfigValidator.validate(new EffectiveLogConfig("syslog",
        Map.of("syslog-address", "tcp+tls://127.0.0.1:6514", "syslog-format", "rfc5424micro",
            "syslog-facility", "local3"))));
    EffectiveLogConfig merged = LogConfigValidator.resolve("", Map.of("max-file", "2"), "json-file",
        Map.of("max-size", "1m", "max-file", "9"));
    assertEquals(new EffectiveLogConfig("json-file", Map.of("max-size", "1m", "max-file", "2")), merged);
    EffectiveLogConfig other = LogConfigValidator.resolve("local", Map.of(), "json-file", Map.of("max-size", "1m"));
    assertEquals(Map.of(), other.options(), "daemon log-opts apply only to the daemon's driver");
  }

  @Test
  void fluentdDeliveryOptionsAsDockerParsesThem() {
    assertEquals("conflicting options: cannot specify both 'fluentd-async' and 'fluentd-async-connect",
        error("fluentd", Map.of("fluentd-async", "true", "fluentd-async-connect", "true")));
    assertEquals("time: invalid duration \"soon\"", error("fluentd", Map.of("fluentd-retry-wait", "soon")));
    assertEquals("time: missing unit in duration \"5\"", error("fluentd", Map.of("fluentd-write-timeout", "5")));
    assertEquals("strconv.ParseUint: parsing \"-1\": invalid syntax",
        error("fluentd", Map.of("fluentd-max-retries", "-1")));
    assertEquals("invalid size: 'lots'", error("fluentd", Map.of("fluentd-buffer-limit", "lots")));
    assertEquals("strconv.ParseBool: parsing \"yes\": invalid syntax",
        error("fluentd", Map.of("fluentd-async", "yes")));
    assertEquals("invalid value for fluentd-async-reconnect-interval: value (\"50ms\") must be between 100ms and 10s",
        error("fluentd", Map.of("fluentd-async-reconnect-interval", "50ms")));
    assertEquals("invalid value for fluentd-async-reconnect-interval: value (\"1m0s\") must be between 100ms and 10s",
        error("fluentd", Map.of("fluentd-async-reconnect-interval", "1m")));
    assertEquals("unknown log opt 'fluentd-ack' for fluentd log driver",
        error("fluentd", Map.of("fluentd-ack", "true")));

    FluentdOptions defaults = FluentdOptions.parse(Map.of());
    assertEquals(new FluentdOptions(false, false, 1024 * 1024, 1000, Integer.MAX_VALUE, 0, false, false, 0), defaults);
    FluentdOptions set = FluentdOptions.parse(Map.of("fluentd-async-connect", "true", "fluentd-buffer-limit", "2k",
        "fluentd-retry-wait", "250ms", "fluentd-max-retries", "7", "fluentd-async-reconnect-interval", "2s",
        "fluentd-sub-second-precision", "1", "fluentd-request-ack", "true", "fluentd-write-timeout", "1.5s"));
    assertEquals(new FluentdOptions(true, true, 2048, 250, 7, 2000, true, true, 1500), set);
  }
}
