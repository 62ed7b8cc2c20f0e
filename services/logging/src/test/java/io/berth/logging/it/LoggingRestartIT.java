package io.berth.logging.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted logging service reattaches to its containers' FIFOs and log files from {@code berth.logging.state}. */
@Tag("host")
class LoggingRestartIT {
  @TempDir Path dir;

  @Test
  void collectionResumesAfterARestart() throws Exception {
    JsonObject fixed = new JsonObject().put("node-name", "restart-" + UUID.randomUUID().toString().substring(0, 4))
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "r-" + UUID.randomUUID()));
    String id = LoggingNode.newId();
    Path out;
    try (LoggingNode node = new LoggingNode(dir, fixed)) {
      node.created(id, "survivor", false, "json-file", Map.of(), null);
      out = node.containerDir(id).resolve("stdout.fifo");
      LoggingNode.awaitPath(node.containerDir(id).resolve("stderr.fifo"));
      LoggingNode.sh("for i in 1 2 3; do echo before $i; done > " + out);
      awaitLines(node, id, 3);
    }
    try (LoggingNode node = new LoggingNode(dir, fixed)) {
      // a writer that is not read blocks on open: the timeout turns that into a failure
      LoggingNode.sh("timeout 20 sh -c 'for i in 1 2 3; do echo after $i; done > " + out + "'");
      List<String> lines = awaitLines(node, id, 6);
      assertEquals(List.of("before 1", "before 2", "before 3", "after 1", "after 2", "after 3"), lines);
      node.removed(id);
    }
  }

  private static List<String> awaitLines(LoggingNode node, String id, int n) {
    return Await.until(n + " lines in the logs of " + id, Duration.ofSeconds(10), () -> {
      var r = node.get("/containers/" + id + "/logs?stdout=1&stderr=1");
      return r.statusCode() == 200 ? LoggingNode.demux(r.body()).stream().map(f -> f.payload().trim()).toList()
          : List.<String>of();
    }, lines -> lines.size() >= n);
  }

  static String s(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
