package io.berth.kit.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates the topics a service needs at start. Idempotent: existing topics are left as they are, and a
 * topic created concurrently by another node counts as success.
 */
public final class TopicAdmin implements AutoCloseable {

  private final Vertx vertx;
  private final KafkaSettings settings;
  private final Admin admin;

  public TopicAdmin(Vertx vertx, KafkaSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, settings.clientIdPrefix() + "-admin");
    this.admin = Admin.create(config);
  }

  /**
   * Creates every missing topic with the configured partitions and replication; compacted ones get
   * {@code cleanup.policy=compact}.
   */
  public Future<Void> ensure(List<TopicDefinition> topics) {
    Context context = vertx.getOrCreateContext();
    return fromKafka(admin.listTopics().names(), context)
        .compose(existing -> create(missing(topics, existing), context));
  }

  /** The names of the topics present in the cluster. */
  public Future<Set<String>> names() {
    return fromKafka(admin.listTopics().names(), vertx.getOrCreateContext());
  }

  /** The underlying admin client, for checks such as describing configs (mostly tests). */
  public Admin admin() {
    return admin;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  private List<NewTopic> missing(List<TopicDefinition> topics, Set<String> existing) {
    List<NewTopic> out = new ArrayList<>();
    for (TopicDefinition t : topics) {
      if (!existing.contains(t.name())) {
        NewTopic topic = new NewTopic(t.name(), settings.partitions(), settings.replicationFactor());
        if (t.compacted()) {
          topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        out.add(topic);
      }
    }
    return out;
  }

  private Future<Void> create(List<NewTopic> topics, Context context) {
    if (topics.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<Void>> each = new ArrayList<>();
    admin.createTopics(topics).values().forEach((name, created) ->
        each.add(fromKafka(created, context).recover(e -> e instanceof TopicExistsException
            || e.getCause() instanceof TopicExistsException ? Future.succeededFuture() : Future.failedFuture(e))));
    return Future.all(each).mapEmpty();
  }

  static <T> Future<T> fromKafka(KafkaFuture<T> future, Context context) {
    return Future.fromCompletionStage(future.toCompletionStage(), context);
  }
}
