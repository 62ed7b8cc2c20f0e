package io.berth.kit.node;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.berth.events.Topics;
import io.berth.kit.cluster.ClusterSetup;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.events.EventBus;
import io.berth.kit.events.KafkaEventBus;
import io.berth.kit.kafka.EmbeddedKafka;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.berth.kit.events.RetryPolicy;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.logging.LogLevels;
import io.berth.kit.tracing.HostOps;
import io.berth.kit.tracing.Tracing;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running berth node: clustered Vert.x on Hazelcast, the Kafka event bus (an embedded broker when allowed and no
 * external Kafka is configured), tracing, metrics, and the services deployed on it. The all-in-one node deploys every
 * service; a standalone service deploys one. Start order is dependencies first; stop order is the reverse.
 */
public final class BerthNode {
  private static final Logger LOG = LoggerFactory.getLogger(BerthNode.class);

  private final ServiceContext context;
  private final List<ServiceModule> started;
  private final RecordProducer producer;
  private final EmbeddedKafka broker;
  private final Path bootstrapFile;

  private BerthNode(ServiceContext context, List<ServiceModule> started, RecordProducer producer, EmbeddedKafka broker,
      Path bootstrapFile) {
    this.context = context;
    this.started = started;
    this.producer = producer;
    this.broker = broker;
    this.bootstrapFile = bootstrapFile;
  }

  public ServiceContext context() {
    return context;
  }

  /** The file in the exec root that names the node's Kafka bootstrap servers, for {@code berth events}. */
  public static Path bootstrapFile(DaemonConfig config) {
    return config.execRoot().resolve("kafka.bootstrap");
  }

  /**
   * Starts a node. Blocking parts (the embedded broker's start, formatting its storage) run on the calling thread,
   * which must not be an event loop: this is called from {@code main}.
   */
  public static BerthNode start(DaemonConfig config, String role, List<ServiceModule> modules, boolean embeddedKafkaAllowed)
      throws Exception {
    return start(config, role, modules, embeddedKafkaAllowed, Tracing.fromEnvironment("berth-" + role));
  }

  /** Starts a node with the given OpenTelemetry (tests pass one with an in-memory exporter). */
  public static BerthNode start(DaemonConfig config, String role, List<ServiceModule> modules, boolean embeddedKafkaAllowed,
      OpenTelemetry otel) throws Exception {
    LogLevels.set(config.logLevel());
    Files.createDirectories(config.dataRoot());
    Files.createDirectories(config.execRoot());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    EmbeddedKafka broker = null;
    String bootstrap;
    if (config.kafkaBootstrap().isPresent()) {
      bootstrap = config.kafkaBootstrap().get();
    } else if (embeddedKafkaAllowed) {
      String[] listen = config.kafkaListen().split(":");
      broker = EmbeddedKafka.start(config.dataRoot().resolve("kafka"), listen[0], Integer.parseInt(listen[1]));
      bootstrap = broker.bootstrapServers();
    } else {
      throw new io.berth.kit.config.ConfigException("kafka.bootstrap-servers is required (flag --kafka host:port)");
    }
    try {
      KafkaSettings kafka = new KafkaSettings(bootstrap, config.kafkaPartitions(), config.kafkaReplication(),
          "berth-" + config.nodeName() + "-" + role);
      HazelcastClusterManager cluster = new HazelcastClusterManager(ClusterSetup.hazelcastConfig(config,
          mapConfigs(modules)));
      VertxOptions options = new VertxOptions()
          .setPreferNativeTransport(true)
          .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true))
          .setEventBusOptions(new EventBusOptions().setHost(config.clusterHost()).setClusterPublicHost(config.clusterHost()));
      Vertx vertx = Vertx.builder()
          .with(options)
          .withClusterManager(cluster)
          .withTracer(new OpenTelemetryTracingFactory(otel))
          .withMetrics(new MicrometerMetricsFactory(registry))
          .buildClustered()
          .await();
      HazelcastInstance hazelcast = cluster.getHazelcastInstance();
      try (TopicAdmin admin = new TopicAdmin(vertx, kafka)) {
        admin.ensure(Topics.all().stream().map(t -> new TopicDefinition(t.name(), t.compacted())).toList()).await();
      }
      RecordProducer producer = new RecordProducer(vertx, kafka, "events");
      EventBus events = new KafkaEventBus(vertx, kafka, producer, CatalogTopics.resolver(), otel, RetryPolicy.DEFAULT);
      Readiness readiness = new Readiness(vertx, hazelcast, bootstrap);
      ServiceContext ctx = new ServiceContext(vertx, config, hazelcast, events, producer, kafka, otel, registry,
          new HostOps(vertx, otel), readiness);
      List<ServiceModule> started = new ArrayList<>();
      for (ServiceModule module : modules) {
        module.start(ctx).await();
        started.add(module);
        LOG.info("service {} started on node {}", module.name(), config.nodeName());
      }
      Path bootstrapFile = bootstrapFile(config);
      Files.writeString(bootstrapFile, bootstrap + "\n");
      return new BerthNode(ctx, started, producer, broker, bootstrapFile);
    } catch (Exception | Error e) {
      if (broker != null) broker.close();
      throw e;
    }
  }

  /** The map settings every module declares, in module order. */
  static List<MapConfig> mapConfigs(List<ServiceModule> modules) {
    return modules.stream().flatMap(m -> m.mapConfigs().stream()).toList();
  }

  /** Stops services in reverse order, then the event bus, Vert.x (and Hazelcast with it) and the embedded broker. */
  public void stop() {
    for (int i = started.size() - 1; i >= 0; i--) {
      ServiceModule module = started.get(i);
      try {
        module.stop().await();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", module.name(), e.getMessage());
      }
    }
    try {
      context.events().close().await();
    } catch (Exception e) {
      LOG.warn("closing the event bus failed: {}", e.getMessage());
    }
    producer.close();
    context.readiness().close();
    try {
      context.vertx().close().await();
    } catch (Exception e) {
      LOG.warn("closing Vert.x failed: {}", e.getMessage());
    }
    if (broker != null) {
      broker.close();
    }
    try {
      Files.deleteIfExists(bootstrapFile);
    } catch (IOException e) {
      LOG.warn("removing {} failed: {}", bootstrapFile, e.getMessage());
    }
  }
}
