package io.berth.testing.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.berth.kit.cluster.ClusterSetup;
import io.berth.kit.config.DaemonConfig;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A lone, real Hazelcast member on loopback in a cluster of its own, configured as a node configures its own
 * ({@link ClusterSetup}), so map settings the kit makes hold in tests too. Shut it down after the test.
 */
public final class TestHazelcast {
  private TestHazelcast() {}

  /** A member named after {@code node}. */
  public static HazelcastInstance member(String node) {
    TestLogging.quiet();
    DaemonConfig config = DaemonConfig.of(new JsonObject().put("node-name", node)
        .put("cluster", new JsonObject().put("port", Ports.free()).put("name", "berth-test-" + UUID.randomUUID())));
    return Hazelcast.newHazelcastInstance(ClusterSetup.hazelcastConfig(config));
  }
}
