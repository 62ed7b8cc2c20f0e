package io.berth.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.NodeProcess;
import io.berth.testing.node.RawHttp;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volume figures against the all-in-one node: create+rm through the API (unix socket, through the gateway) and through
 * the docker CLI, and a prune of 10,000 unused volumes. Prints figures; asserts only that the work was done.
 */
@Tag("bench")
class S100VolumeBench {
  static final int API_OPS = 300;
  static final int CLI_OPS = 30;
  static final int PRUNE = 10_000;
  @TempDir Path dir;

  @Test
  void volumeFigures() throws Exception {
    LabNetns.requireRoot("network namespaces");
    try (NodeProcess node = NodeProcess.create(dir.resolve("node"), "bench")) {
      node.start();
      for (int i = 0; i < 20; i++) createRm(node, "warm" + i); // JIT, connections, lock structures
      long t0 = System.nanoTime();
      for (int i = 0; i < API_OPS; i++) createRm(node, "api" + i);
      report("API create+rm, sequential", API_OPS, t0);

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < API_OPS; i++) {
          String name = "par" + i;
          all.add(pool.submit(() -> {
            createRm(node, name);
            return null;
          }));
        }
        for (Future<?> f : all) f.get();
        report("API create+rm, 8 clients", API_OPS, t0);

        t0 = System.nanoTime();
        for (int i = 0; i < CLI_OPS; i++) {
          assertTrue(node.docker("volume", "create", "cli" + i).ok());
          assertTrue(node.docker("volume", "rm", "cli" + i).ok());
        }
        report("docker CLI volume create + volume rm, sequential", CLI_OPS, t0);

        t0 = System.nanoTime();
        all.clear();
        for (int i = 0; i < PRUNE; i++) {
          String name = "prune" + i;
          all.add(pool.submit(() -> {
            create(node, name);
            return null;
          }));
        }
        for (Future<?> f : all) f.get();
        report("API create of the prune set, 8 clients", PRUNE, t0);
      } finally {
        pool.shutdownNow();
      }
      t0 = System.nanoTime();
      RawHttp.Reply pruned = RawHttp.request(node.socket(), "POST",
          "/v1.51/volumes/prune?filters=%7B%22all%22%3A%7B%22true%22%3Atrue%7D%7D", null, null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(200, pruned.status(), pruned.body());
      assertEquals(PRUNE, new JsonObject(pruned.body()).getJsonArray("VolumesDeleted").size());
      System.out.printf("BENCH prune -a of %d unused volumes: %.1f s (%.0f volumes/s)%n", PRUNE, seconds, PRUNE / seconds);
      assertEquals("", node.docker("volume", "ls", "-q").out().strip());
    }
  }

  static void create(NodeProcess node, String name) throws Exception {
    byte[] body = ("{\"Name\":\"" + name + "\",\"Driver\":\"local\"}").getBytes(StandardCharsets.UTF_8);
    RawHttp.Reply r = RawHttp.request(node.socket(), "POST", "/v1.51/volumes/create", "application/json", body);
    assertEquals(201, r.status(), r.body());
  }

  static void createRm(NodeProcess node, String name) throws Exception {
    create(node, name);
    RawHttp.Reply r = RawHttp.request(node.socket(), "DELETE", "/v1.51/volumes/" + name, null, null);
    assertEquals(204, r.status(), r.body());
  }

  static void report(String what, int ops, long startNanos) {
    double s = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("BENCH %s: %d ops in %.2f s = %.1f ops/s (%.2f ms/op)%n", what, ops, s, ops / s, s * 1000 / ops);
  }

}
