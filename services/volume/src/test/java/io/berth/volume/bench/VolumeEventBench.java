package io.berth.volume.bench;


import io.berth.events.BerthEvents;
import io.berth.events.Topics;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.Mount;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.kit.node.ServiceContext;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.berth.volume.VolumeService;
import io.berth.volume.domain.VolumeSpec;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a container event takes to mount a tmpfs volume, and its removal to unmount it: from publishing
 * {@code io.berth.container.created|removed} on Kafka to receiving {@code io.berth.volume.mounted|unmounted}, through
 * a node running the volume service with an embedded broker. Prints figures; asserts nothing about time.
 */
@Tag("bench")
class VolumeEventBench {
  static final int ROUNDS = 40;
  @TempDir Path dir;

  @Test
  void tmpfsMountAndUnmountPerContainerEvent() throws Exception {
    LabNetns.requireRoot("mounts");
    DaemonConfig config = DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("data").toString())
        .put("exec-root", dir.resolve("run").toString())
        .put("node-name", "bench")
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "bench-" + UUID.randomUUID())));
    VolumeService service = new VolumeService();
    BerthNode node = BerthNode.start(config, "volume", List.of(service), true, OpenTelemetry.noop());
    try {
      ServiceContext ctx = node.context();
      service.controller().create(new VolumeSpec("benchtmp", "local",
          Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=4m"), Map.of())).await();
      Map<String, Promise<Long>> waiting = new ConcurrentHashMap<>();
      ctx.events().subscribe(Topics.VOLUME_EVENTS, "bench-" + UUID.randomUUID(), (CloudEvent e) -> {
        JsonObject data = new JsonObject(new String(e.getData().toBytes()));
        Promise<Long> p = waiting.remove(e.getType() + "/" + data.getString("containerId"));
        if (p != null) p.tryComplete(System.nanoTime());
        return Future.succeededFuture();
      }).await();
      List<Double> mountMs = new ArrayList<>();
      List<Double> unmountMs = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        String id = HexFormat.of().formatHex(UUID.randomUUID().toString().replace("-", "").getBytes()).substring(0, 64);
        mountMs.add(roundTrip(ctx, waiting, "io.berth.volume.mounted/" + id, BerthEvents.create(
            "io.berth.container.created", "urn:bench", id, new ContainerCreated(id, "c" + i, "bench", "alpine", null,
                null, "2026-11-27T18:00:00Z", null, null, "none", null, null, false,
                List.of(new Mount(Mount.Type.VOLUME, "benchtmp", "/data", false, null, null)), null, null, null, null,
                false, null, null, false, null, null))));
        unmountMs.add(roundTrip(ctx, waiting, "io.berth.volume.unmounted/" + id, BerthEvents.create(
            "io.berth.container.removed", "urn:bench", id, new ContainerRemoved(id, "bench", false))));
      }
      report("tmpfs mount per container event (created → mounted)", mountMs);
      report("tmpfs unmount per container event (removed → unmounted)", unmountMs);
      Path data = dir.resolve("data/volumes/benchtmp/_data");
      System.out.println("still mounted after the last removal: "
          + Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().anyMatch(l -> l.contains(data.toString())));
    } finally {
      node.stop();
    }
  }

  private static double roundTrip(ServiceContext ctx, Map<String, Promise<Long>> waiting, String key, CloudEvent event)
      throws Exception {
    Promise<Long> done = Promise.promise();
    waiting.put(key, done);
    long start = System.nanoTime();
    ctx.events().publish(event).await();
    long end = done.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return (end - start) / 1e6;
  }

  private static void report(String what, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms.subList(5, ms.size())); // first rounds warm up the JIT and the consumer
    Collections.sort(sorted);
    System.out.printf("BENCH %s: n=%d median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", what, sorted.size(),
        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.get(0), sorted.get(sorted.size() - 1));
  }
}
