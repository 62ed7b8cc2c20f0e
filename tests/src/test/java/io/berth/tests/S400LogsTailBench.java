package io.berth.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.berth.testing.Await;
import io.berth.testing.node.Commands;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.RawHttp;
import io.berth.testing.node.Scenario;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docker logs --tail 100} latency on a 1 GB json-file, through the real CLI (process start, inspect and logs
 * included) and as the raw logs request alone. Prints figures, asserts nothing about time.
 * Run: {@code mvn -B -o -pl tests verify -Dberth.excludedGroups= -Dgroups=bench -Dit.test=S400LogsTailBench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class S400LogsTailBench {
  @RegisterExtension static final Scenario s = Scenario.node("node1");

  @Test
  void tail100OnAGigabyteLog() throws Exception {
    NodeProcess node = s.node();
    String id = S400LoggingIT.newId();
    Path dir = node.dataRoot().resolve("containers").resolve(id);
    try {
      s.created(s.container(id, "big").put("logConfig", new JsonObject().put("type", "json-file")
          .put("config", new JsonObject())));
      Path fifo = dir.resolve("stdout.fifo");
      s.await("the FIFOs exist", () -> Files.exists(dir.resolve("stderr.fifo")));
      long t0 = System.nanoTime();
      Commands.Result w = Commands.run(List.of("sh", "-c", "yes \"$(printf '%099d' 7)\" | head -n 6400000 > " + fifo),
          Map.of(), 600);
      assumeTrue(w.ok(), w.toString());
      Path log = dir.resolve(id + "-json.log");
      Await.until("the whole gigabyte in the json-file", Duration.ofMinutes(5), () -> Files.size(log),
          size -> size >= 6_400_000L * 160);
      System.out.printf("wrote %,d bytes of json-file in %.1f s through the node%n", Files.size(log),
          (System.nanoTime() - t0) / 1e9);
      List<Double> cli = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        long a = System.nanoTime();
        Commands.Result r = node.docker("logs", "--tail", "100", "big");
        cli.add((System.nanoTime() - a) / 1e6);
        if (!r.ok() || r.out().lines().count() != 100) throw new AssertionError(r.toString());
        long b = System.nanoTime();
        RawHttp.Reply reply = RawHttp.get(node.socket(), "/v1.51/containers/" + id + "/logs?stdout=1&stderr=1&tail=100");
        raw.add((System.nanoTime() - b) / 1e6);
        if (reply.status() != 200) throw new AssertionError(reply.body());
      }
      Collections.sort(cli);
      Collections.sort(raw);
      System.out.printf("docker logs --tail 100 on a %,d-byte log: CLI median %.1f ms (min %.1f, max %.1f); "
          + "logs request alone median %.1f ms (min %.1f, max %.1f)%n", Files.size(log), cli.get(5), cli.get(0),
          cli.get(10), raw.get(5), raw.get(0), raw.get(10));
    } finally {
      s.removed(id); // the network service releases the container's sandbox before the node stops
      s.await("the sandbox released", () -> S400LoggingIT.sandboxes(node.execRoot().resolve("netns")) == 0);
    }
  }
}
