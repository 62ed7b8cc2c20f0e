package io.berth.app;

import io.berth.kit.config.DaemonConfig;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.UUID;

/** Configurations for all-in-one nodes started inside the test JVM, on free loopback ports under a test folder. */
final class TestNodes {
  private TestNodes() {}

  static DaemonConfig config(Path dir, int apiPort) {
    return DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString())
        .put("exec-root", dir.resolve("run").toString())
        .put("node-name", "node-" + UUID.randomUUID().toString().substring(0, 6))
        .put("hosts", new JsonArray().add("tcp://127.0.0.1:" + apiPort))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "test-" + UUID.randomUUID())));
  }
}
