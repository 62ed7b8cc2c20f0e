package io.berth.kit.state;

import com.hazelcast.core.HazelcastInstance;
import io.berth.kit.kafka.EmbeddedKafka;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.SharedKafka;
import io.berth.kit.kafka.TestLogging;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaStateStoreTest {

  /** A resource as a service would own it. */
  public record Volume(String name, String driver, Map<String, String> labels) {
  }

  private static final String TOPIC = "berth.volume.state";
  private static final String MAP = "berth.volume.volumes";
  private static final int COUNT = 10_000;

  private final Path dataDir = SharedKafka.tempDir("berth-state");

  @AfterEach
  void deleteData() {
    SharedKafka.delete(dataDir);
  }

  @Test
  void tenThousandResourcesSurviveARestartOfBrokerAndCluster() throws Exception {
    TestLogging.quiet();
    try (Node node = Node.start(dataDir)) {
      KafkaStateStore<Volume> volumes = node.store();
      List<Future<Void>> writes = new ArrayList<>();
      for (int i = 0; i < COUNT; i++) {
        writes.add(volumes.put("v" + i, volume(i, "local")));
        if (writes.size() == 500) {
          Future.all(writes).await(60, TimeUnit.SECONDS);
          writes.clear();
        }
      }
      Future.all(writes).await(60, TimeUnit.SECONDS);
      for (int i = 0; i < COUNT; i += 10) {
        volumes.remove("v" + i).await(30, TimeUnit.SECONDS);
      }
      for (int i = 1; i < COUNT; i += 100) {
        volumes.put("v" + i, volume(i, "nfs")).await(30, TimeUnit.SECONDS);
      }
      assertEquals(COUNT - COUNT / 10, volumes.map().size());
    }

    try (Node node = Node.start(dataDir)) {
      KafkaStateStore<Volume> volumes = node.store();
      assertEquals(0, volumes.map().size(), "a fresh member starts empty");

      int live = volumes.rebuild().await(120, TimeUnit.SECONDS);

      assertEquals(COUNT - COUNT / 10, live);
      assertEquals(COUNT - COUNT / 10, volumes.map().size());
      assertNull(volumes.get("v0").await(10, TimeUnit.SECONDS), "deletes stay deleted");
      assertNull(volumes.get("v9990").await(10, TimeUnit.SECONDS));
      assertEquals(volume(1, "nfs"), volumes.get("v1").await(10, TimeUnit.SECONDS), "the last write wins");
      assertEquals(volume(2, "local"), volumes.get("v2").await(10, TimeUnit.SECONDS));
      assertEquals(COUNT - COUNT / 10, volumes.values().await(30, TimeUnit.SECONDS).size());
    }
  }

  @Test
  void putIsVisibleInTheMapAsJsonAndRemoveDeletesIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    HazelcastInstance hazelcast = TestHazelcast.member();
    KafkaSettings settings = SharedKafka.settings(3);
    String topic = "berth.unit" + System.nanoTime() + ".state";
    try (TopicAdmin admin = new TopicAdmin(vertx, settings);
         RecordProducer producer = new RecordProducer(vertx, settings, "state")) {
      admin.ensure(List.of(TopicDefinition.state(topic))).await(30, TimeUnit.SECONDS);
      KafkaStateStore<Volume> volumes = new KafkaStateStore<>(vertx, producer, settings, hazelcast, topic, "unit", Volume.class);

      volumes.put("a", volume(7, "local")).await(30, TimeUnit.SECONDS);
      assertEquals("{\"name\":\"vol-7\",\"driver\":\"local\",\"labels\":{\"n\":\"7\"}}", volumes.map().get("a"));
      assertEquals(volume(7, "local"), volumes.get("a").await(10, TimeUnit.SECONDS));

      volumes.remove("a").await(30, TimeUnit.SECONDS);
      volumes.remove("never-there").await(30, TimeUnit.SECONDS);
      assertNull(volumes.map().get("a"));
      assertEquals(0, volumes.rebuild().await(30, TimeUnit.SECONDS), "the tombstone is in the topic");
    } finally {
      hazelcast.shutdown();
      vertx.close().await();
    }
  }

  @Test
  void aChangeKafkaRefusesIsTakenBackFromTheMap() throws Exception {
    Vertx vertx = Vertx.vertx();
    HazelcastInstance hazelcast = TestHazelcast.member();
    KafkaSettings settings = SharedKafka.settings(1);
    String topic = "berth.refused" + System.nanoTime() + ".state";
    try (TopicAdmin admin = new TopicAdmin(vertx, settings);
         RecordProducer producer = new RecordProducer(vertx, settings, "state")) {
      admin.ensure(List.of(TopicDefinition.state(topic))).await(30, TimeUnit.SECONDS);
      KafkaStateStore<Volume> volumes = new KafkaStateStore<>(vertx, producer, settings, hazelcast, topic, "refused",
          Volume.class);
      volumes.put("a", volume(1, "local")).await(30, TimeUnit.SECONDS);
      String before = volumes.map().get("a");
      // larger than the producer's max.request.size (1 MiB): Kafka refuses the record
      Volume huge = new Volume("vol-1", "local", Map.of("blob", "x".repeat(2 << 20)));

      Future<Void> replaced = volumes.put("a", huge);
      Future<Void> added = volumes.put("b", huge);

      assertThrows(Exception.class, () -> replaced.await(30, TimeUnit.SECONDS));
      assertThrows(Exception.class, () -> added.await(30, TimeUnit.SECONDS));
      assertEquals(before, volumes.map().get("a"), "the earlier value is back");
      assertNull(volumes.map().get("b"), "a refused new entry is gone");
      assertEquals(1, volumes.map().size());
    } finally {
      hazelcast.shutdown();
      vertx.close().await();
    }
  }

  @Test
  void rebuildLeavesAWarmMapAlone() throws Exception {
    Vertx vertx = Vertx.vertx();
    HazelcastInstance hazelcast = TestHazelcast.member();
    KafkaSettings settings = SharedKafka.settings(1);
    String topic = "berth.warm" + System.nanoTime() + ".state";
    try (RecordProducer producer = new RecordProducer(vertx, settings, "state")) {
      KafkaStateStore<Volume> volumes = new KafkaStateStore<>(vertx, producer, settings, hazelcast, topic, "warm", Volume.class);
      volumes.put("a", volume(1, "local")).await(30, TimeUnit.SECONDS);
      volumes.put("b", volume(2, "local")).await(30, TimeUnit.SECONDS);
      // a newer value another member holds, as if written after this member's read of the topic
      volumes.map().set("a", "{\"name\":\"vol-1\",\"driver\":\"nfs\",\"labels\":{}}");

      assertEquals(2, volumes.rebuild().await(30, TimeUnit.SECONDS));

      assertEquals(new Volume("vol-1", "nfs", Map.of()), volumes.get("a").await(10, TimeUnit.SECONDS));
    } finally {
      hazelcast.shutdown();
      vertx.close().await();
    }
  }

  private static Volume volume(int i, String driver) {
    return new Volume("vol-" + i, driver, Map.of("n", Integer.toString(i)));
  }

  /** Broker, cluster member and Vert.x of one node, closed together as a node going down would. */
  private record Node(EmbeddedKafka kafka, HazelcastInstance hazelcast, Vertx vertx, RecordProducer producer,
                      KafkaStateStore<Volume> store) implements AutoCloseable {

    static Node start(Path dataDir) {
      EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, "127.0.0.1", 0);
      HazelcastInstance hazelcast = TestHazelcast.member();
      Vertx vertx = Vertx.vertx();
      KafkaSettings settings = KafkaSettings.singleNode(kafka.bootstrapServers());
      try (TopicAdmin admin = new TopicAdmin(vertx, settings)) {
        admin.ensure(List.of(TopicDefinition.state(TOPIC))).await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      RecordProducer producer = new RecordProducer(vertx, settings, "volume");
      return new Node(kafka, hazelcast, vertx, producer,
          new KafkaStateStore<>(vertx, producer, settings, hazelcast, TOPIC, MAP, Volume.class));
    }

    @Override
    public void close() {
      producer.close();
      vertx.close().await();
      hazelcast.shutdown();
      kafka.close();
    }
  }
}
