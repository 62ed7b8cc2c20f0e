package io.berth.logging.driver;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.SwarmTaskInfo;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A container and driver factory for driver tests. */
final class DriverFixtures {
  static final String ID = "4f2c8a1be0d94c7fa3b61e5d2c9087f1a2b3c4d5e6f708192a3b4c5d6e7f8091";
  static final ContainerInfo CONTAINER = new ContainerInfo(ID, "web", "n1", "nginx:1.27", "sha256:abc", List.of(),
      "2026-11-27T18:00:00Z", Map.of("com.example.tier", "front"), List.of("REGION=eu"), false,
      new SwarmTaskInfo("svc1", "web", "task1", 1));

  private DriverFixtures() {}

  static LogTarget open(Path dir, String driver, Map<String, String> opts) throws Exception {
    return open(dir, driver, opts, DropListener.NONE);
  }

  static LogTarget open(Path dir, String driver, Map<String, String> opts, DropListener drops) throws Exception {
    EffectiveLogConfig cfg = new EffectiveLogConfig(driver, opts);
    LogConfigValidator.validate(cfg);
    return new LogDrivers(HttpClient.newHttpClient()).open(CONTAINER, cfg, dir, drops, () -> { });
  }
}
