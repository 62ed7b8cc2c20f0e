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
}
