package io.berth.kit.kafka;

import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicAdminTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void createsMissingTopicsWithTheirCleanupPolicyAndIsIdempotent() throws Exception {
    String suffix = Long.toString(System.nanoTime());
    String events = "admin.events." + suffix;
    String state = "admin.state." + suffix;
    List<TopicDefinition> topics = List.of(TopicDefinition.events(events), TopicDefinition.state(state));
    try (TopicAdmin admin = new TopicAdmin(vertx, SharedKafka.settings(4))) {
      admin.ensure(topics).await(30, TimeUnit.SECONDS);
      admin.ensure(topics).await(30, TimeUnit.SECONDS);

      Map<String, TopicDescription> described = admin.admin().describeTopics(List.of(events, state)).allTopicNames().get();
      assertEquals(4, described.get(events).partitions().size());
      assertEquals(4, described.get(state).partitions().size());
      assertEquals("delete", cleanupPolicy(admin, events));
      assertEquals("compact", cleanupPolicy(admin, state));
    }
  }

  private static String cleanupPolicy(TopicAdmin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.admin().describeConfigs(List.of(resource)).all().get().get(resource);
    return config.get("cleanup.policy").value();
  }
}
