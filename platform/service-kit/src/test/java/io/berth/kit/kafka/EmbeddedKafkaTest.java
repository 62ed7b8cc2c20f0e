package io.berth.kit.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaTest {

  private final Path dir = SharedKafka.tempDir("berth-kafka-restart");

  @AfterEach
  void deleteData() {
    SharedKafka.delete(dir);
  }

  @Test
  void formatsOnceAndKeepsRecordsAcrossRestart() throws Exception {
    TestLogging.quiet();
    String bootstrap;
    String clusterId;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, "127.0.0.1", 0)) {
      bootstrap = kafka.bootstrapServers();
      clusterId = clusterId();
      KafkaSettings settings = KafkaSettings.singleNode(bootstrap);
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producerConfig("t"))) {
        for (int i = 0; i < 3; i++) {
          producer.send(new ProducerRecord<>("kept", "k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
        }
      }
    }

    try (EmbeddedKafka again = EmbeddedKafka.start(dir, "127.0.0.1", 0)) {
      assertEquals(bootstrap, again.bootstrapServers(), "port 0 reuses the first start's port");
      assertEquals(clusterId, clusterId(), "not formatted again");
      List<String> values = new ArrayList<>();
      TopicReader.readToEnd(KafkaSettings.singleNode(again.bootstrapServers()), "kept", Duration.ofSeconds(30),
          r -> values.add(r.key() + "=" + new String(r.value(), StandardCharsets.UTF_8)));
      assertEquals(List.of("k0=v0", "k1=v1", "k2=v2"), values);
    }
  }

  @Test
  void readingAMissingTopicYieldsNothing() {
    long n = TopicReader.readToEnd(SharedKafka.settings(1), "no-such-topic-" + System.nanoTime(),
        Duration.ofSeconds(10), r -> { });
    assertEquals(0, n);
  }

  private String clusterId() throws Exception {
    Path meta = dir.resolve("logs").resolve("meta.properties");
    assertTrue(Files.exists(meta));
    Properties p = new Properties();
    try (var in = Files.newInputStream(meta)) {
      p.load(in);
    }
    return p.getProperty("cluster.id");
  }
}
