package io.berth.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.kit.config.DaemonConfig;
import io.berth.kit.node.BerthNode;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.berth.kit.state.KafkaStateStore;
import io.berth.testing.node.Ports;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.berth.testing.lab.LabNetns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A node stopped and started again on the same data root gets its owned state back from Kafka. */
@Tag("host")
class NodeRestartTest {
  @RegisterExtension static LabNetns LAB = LabNetns.perClass();
  private static final String TOPIC = "berth.test.state";
  @TempDir Path dir;

  /** A resource as a service would own it. */
  public record Thing(String id, String label, int size) {}

  @Test
  void stateIsBackAfterARestart() throws Exception {
    DaemonConfig config = TestNodes.config(dir, Ports.free());
    BerthNode first = BerthNode.start(config, "node", TestNodes.services(LAB.netns()), true, OpenTelemetry.noop());
    try {
      // A topic of the test's own: the services' stores rebuild from theirs and must not see these records.
      try (TopicAdmin admin = new TopicAdmin(first.context().vertx(), first.context().kafka())) {
        admin.ensure(List.of(TopicDefinition.state(TOPIC))).await();
      }
      KafkaStateStore<Thing> store = first.context().stateStore(TOPIC, "test.things", Thing.class);
      List<Future<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 1000; i++) writes.add(store.put("t" + i, new Thing("t" + i, "label-" + i, i)));
      Future.all(writes).await();
      List<Future<Void>> removes = new ArrayList<>();
      for (int i = 0; i < 1000; i += 10) removes.add(store.remove("t" + i));
      Future.all(removes).await();
    } finally {
      first.stop();
    }

    BerthNode second = BerthNode.start(config, "node", TestNodes.services(LAB.netns()), true, OpenTelemetry.noop());
    try {
      KafkaStateStore<Thing> store = second.context().stateStore(TOPIC, "test.things", Thing.class);
      assertEquals(0, store.map().size(), "a new cluster starts empty");
      store.rebuild().await();
      assertEquals(900, store.map().size());
      assertEquals(new Thing("t7", "label-7", 7), store.get("t7").await());
      assertNull(store.get("t10").await(), "deletes stay deleted");
    } finally {
      second.stop();
      io.berth.testing.node.NodeProcess.unmountBelow(dir);
    }
  }
}
