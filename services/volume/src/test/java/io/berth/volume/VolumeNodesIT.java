package io.berth.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.testing.lab.LabNetns;
import io.berth.testing.node.Ports;
import io.berth.volume.domain.Volume;
import io.berth.volume.domain.VolumeSpec;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster (shared Hazelcast and Kafka), each with its volume service: volumes are owned per node,
 * concurrent creates of one name make one volume, and create/remove races keep records and folders together.
 */
@Tag("host")
class VolumeNodesIT {
  @TempDir static Path dir;
  static BerthNode nodeA;
  static BerthNode nodeB;
  static VolumeService a = new VolumeService();
  static VolumeService b = new VolumeService();

  @BeforeAll
  static void start() throws Exception {
    LabNetns.requireRoot("the volume service mounts");
    int clusterA = Ports.free();
    String cluster = "vol-" + UUID.randomUUID();
    nodeA = BerthNode.start(DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("a/data").toString()).put("exec-root", dir.resolve("a/run").toString())
        .put("node-name", "node-a")
        .put("kafka", new JsonObject().put("listen", "127.0.0.1:" + Ports.free()).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", clusterA).put("name", cluster))), "volume", List.of(a), true,
        OpenTelemetry.noop());
    String bootstrap = Files.readString(BerthNode.bootstrapFile(nodeA.context().config())).strip();
    nodeB = BerthNode.start(DaemonConfig.of(new JsonObject()
        .put("data-root", dir.resolve("b/data").toString()).put("exec-root", dir.resolve("b/run").toString())
        .put("node-name", "node-b")
        .put("kafka", new JsonObject().put("bootstrap-servers", bootstrap).put("partitions", 1))
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", cluster)
            .put("members", new JsonArray().add("127.0.0.1:" + clusterA)))), "volume", List.of(b), false,
        OpenTelemetry.noop());
  }

  @AfterAll
  static void stop() {
    if (nodeB != null) nodeB.stop();
    if (nodeA != null) nodeA.stop();
  }

  static List<String> names(VolumeService s) {
    return s.controller().list(v -> true).await().stream().map(Volume::name).toList();
  }

  @Test
  void eachNodeOwnsItsVolumes() {
    assertEquals(2, nodeA.context().hazelcast().getCluster().getMembers().size(), "one cluster");
    Volume onA = a.controller().create(new VolumeSpec("shared", "local", Map.of(), Map.of("on", "a"))).await();
    Volume onB = b.controller().create(new VolumeSpec("shared", "local", Map.of(), Map.of("on", "b"))).await();
    assertEquals("node-a", onA.node());
    assertEquals("node-b", onB.node());
    assertNotEquals(onA.mountpoint(), onB.mountpoint());
    assertEquals(Map.of("on", "a"), a.controller().get("shared").await().labels());
    assertEquals(Map.of("on", "b"), b.controller().get("shared").await().labels());
    b.controller().create(new VolumeSpec("onlyonb", "local", Map.of(), Map.of())).await();
    assertFalse(names(a).contains("onlyonb"), "ls on a node shows its own volumes");
    assertTrue(names(b).contains("onlyonb"));
    assertEquals(3, nodeA.context().hazelcast().getMap(VolumeService.MAP).size(), "one shared map, keyed by node");
    b.controller().remove("onlyonb", false).await();
    a.controller().remove("shared", false).await();
    assertTrue(Files.isDirectory(Path.of(onB.mountpoint())), "removing a's volume leaves b's");
    b.controller().remove("shared", false).await();
  }

  @Test
  void concurrentCreatesOfOneNameMakeOneVolume() {
    List<Future<Volume>> creates = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      creates.add(a.controller().create(new VolumeSpec("same", "local", Map.of(), Map.of("attempt", "" + i))));
    }
    Future.all(creates).await();
    String createdAt = creates.get(0).result().createdAt();
    Map<String, String> labels = creates.get(0).result().labels();
    for (Future<Volume> f : creates) {
      assertEquals(labels, f.result().labels(), "every caller got the one volume");
      assertEquals(createdAt, f.result().createdAt());
    }
    assertEquals(1, names(a).stream().filter("same"::equals).count());
    a.controller().remove("same", false).await();
  }

  @Test
  void createRemoveRacesKeepRecordAndFolderTogether() {
    List<Future<?>> ops = new ArrayList<>();
    for (int round = 0; round < 30; round++) {
      String name = "race" + (round % 3);
      ops.add(a.controller().create(new VolumeSpec(name, "local", Map.of(), Map.of())));
      ops.add(a.controller().remove(name, true));
    }
    Future.join(new ArrayList<>(ops)).otherwiseEmpty().await();
    List<String> now = names(a);
    for (int i = 0; i < 3; i++) {
      String name = "race" + i;
      assertEquals(now.contains(name), Files.isDirectory(dir.resolve("a/data/volumes").resolve(name).resolve("_data")),
          name + ": a record exists exactly when its folder does");
      a.controller().remove(name, true).await();
    }
  }
}
