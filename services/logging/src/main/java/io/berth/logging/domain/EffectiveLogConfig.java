package io.berth.logging.domain;

import java.util.Map;

/** A container's log driver after the daemon default is applied: the driver name and every option. */
public record EffectiveLogConfig(String driver, Map<String, String> options) {

  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  /** Whether the driver itself can serve {@code docker logs} (else berth reads the dual-logging cache). */
  public boolean readable() {
    return driver.equals("json-file") || driver.equals("local");
  }

  public boolean nonBlocking() {
    return "non-blocking".equals(options.get("mode"));
  }
}
