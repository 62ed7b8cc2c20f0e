package io.berth.kit.node;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the node's dependencies answer: Hazelcast runs and the Kafka cluster describes itself within a second.
 * {@code /ready} reports it; a failed check names what is unreachable.
 */
public final class Readiness implements AutoCloseable {
  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final Admin admin;

  public Readiness(Vertx vertx, HazelcastInstance hazelcast, String kafkaBootstrap) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "berth-readiness");
    this.admin = Admin.create(p);
  }

  /** Each dependency → "ok" or why it is not; fails only on a bug, never because a dependency is down. */
  public Future<Map<String, String>> check() {
    return vertx.executeBlocking(() -> Map.of("hazelcast", hazelcastState(), "kafka", kafkaState()), false);
  }

  private String hazelcastState() {
    return hazelcast.getLifecycleService().isRunning() ? "ok" : "not running";
  }

  private String kafkaState() {
    try {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).clusterId().get(1500, TimeUnit.MILLISECONDS);
      return "ok";
    } catch (Exception e) {
      return "unreachable: " + e.getClass().getSimpleName();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
