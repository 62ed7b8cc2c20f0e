package io.berth.kit.node;

import com.hazelcast.core.HazelcastInstance;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.events.EventBus;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.state.KafkaStateStore;
import io.berth.kit.tracing.HostOps;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;

/**
 * Everything a service needs from its node: the Vert.x instance, configuration, the cluster, the event bus, tracing
 * and metrics. One per node; services running side by side in the all-in-one node share it.
 */
public record ServiceContext(
    Vertx vertx,
    DaemonConfig config,
    HazelcastInstance hazelcast,
    EventBus events,
    RecordProducer producer,
    KafkaSettings kafka,
    OpenTelemetry openTelemetry,
    PrometheusMeterRegistry metrics,
    HostOps hostOps,
    Readiness readiness) {

  /** The node this service instance belongs to; it does host work only for this node. */
  public String node() {
    return config.nodeName();
  }

  /**
   * The durable store of one resource kind this service owns: compacted topic {@code topic} (e.g.
   * {@code berth.volume.state}), cluster map {@code mapName}. Call {@link KafkaStateStore#rebuild()} on start.
   */
  public <T> KafkaStateStore<T> stateStore(String topic, String mapName, Class<T> type) {
    return new KafkaStateStore<>(vertx, producer, kafka, hazelcast, topic, mapName, type);
  }
}
