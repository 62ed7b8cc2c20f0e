package io.berth.kit.events;

import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link EventBus} on Kafka: one idempotent {@code acks=all} producer, one consumer thread per
 * subscription. Spans: a PRODUCER span {@code "<topic> publish"} per event, its {@code traceparent} in the
 * record headers, and a CONSUMER span {@code "<topic> process"} (child of it) current while the handler runs.
 */
public final class KafkaEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventBus.class);

  /** Event ids remembered per subscription to skip redeliveries. */
  static final int SEEN_CAPACITY = 10_000;

  private final Vertx vertx;
  private final KafkaSettings settings;
  private final RecordProducer producer;
  private final boolean ownsProducer;
  private final TopicResolver topics;
  private final EventTracing tracing;
  private final RetryPolicy retry;
  private final DeadLetters deadLetters;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  /** How long a subscription may wait for its first partitions before it fails. */
  private Duration startTimeout = Duration.ofSeconds(60);
  /** Consumer settings over the defaults (tests inject faults with them). */
  private Map<String, Object> consumerOverrides = Map.of();

  /**
   * A bus using a producer shared with others (e.g. the service's state stores); {@link #close()} leaves it open.
   */
  public KafkaEventBus(Vertx vertx, KafkaSettings settings, RecordProducer producer, TopicResolver topics,
                       OpenTelemetry openTelemetry, RetryPolicy retry) {
    this(vertx, settings, producer, false, topics, openTelemetry, retry);
  }

  private KafkaEventBus(Vertx vertx, KafkaSettings settings, RecordProducer producer, boolean ownsProducer,
                        TopicResolver topics, OpenTelemetry openTelemetry, RetryPolicy retry) {
    this.vertx = Objects.requireNonNull(vertx);
    this.settings = Objects.requireNonNull(settings);
    this.producer = Objects.requireNonNull(producer);
    this.ownsProducer = ownsProducer;
    this.topics = Objects.requireNonNull(topics);
    this.tracing = new EventTracing(Objects.requireNonNull(openTelemetry));
    this.retry = Objects.requireNonNull(retry);
    this.deadLetters = new DeadLetters(producer);
  }

  /** A bus with its own producer, topics by {@link TopicResolver#byDomain()}, the default retry policy. */
  public static KafkaEventBus create(Vertx vertx, KafkaSettings settings, OpenTelemetry openTelemetry) {
    return new KafkaEventBus(vertx, settings, new RecordProducer(vertx, settings, "events"), true,
        TopicResolver.byDomain(), openTelemetry, RetryPolicy.DEFAULT);
  }

  /** Tests: a shorter start timeout and consumer settings over the defaults. */
  KafkaEventBus tuned(Duration startTimeout, Map<String, Object> consumerOverrides) {
    this.startTimeout = startTimeout;
    this.consumerOverrides = Map.copyOf(consumerOverrides);
    return this;
  }

  /** The producer this bus sends with, to share with state stores. */
  public RecordProducer producer() {
    return producer;
  }

  @Override
  public Future<Void> publish(CloudEvent event) {
    String topic;
    try {
      topic = topics.topicFor(event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return publish(topic, event);
  }

  @Override
  public Future<Void> publish(String topic, CloudEvent event) {
    Span span = tracing.startPublish(topic, event);
    ProducerRecord<String, byte[]> record;
    try (Scope ignored = span.makeCurrent()) {
      record = CloudEventRecords.toRecord(topic, event);
      tracing.inject(span, record.headers());
    } catch (RuntimeException e) {
      EventTracing.end(span, e);
      return Future.failedFuture(e);
    }
    return producer.send(record)
        .onSuccess(m -> {
          if (LOG.isDebugEnabled()) {
            LOG.debug("published {} {} (key {}) to {}-{}@{}", event.getType(), event.getId(), record.key(),
                m.topic(), m.partition(), m.offset());
          }
        })
        .<Void>mapEmpty()
        .onComplete(sent -> EventTracing.end(span, sent.cause()));
  }

  @Override
  public Future<Subscription> subscribe(String topic, String group, EventHandler handler) {
    Context context = vertx.getOrCreateContext();
    EventDelivery delivery = new EventDelivery(vertx, context, group, handler, retry, tracing, deadLetters,
        new SeenEvents(SEEN_CAPACITY));
    Map<String, Object> config = new HashMap<>(settings.consumerConfig(group, group + "-" + topic));
    config.putAll(consumerOverrides);
    KafkaSubscription subscription = new KafkaSubscription(topic, group, config, context, delivery, startTimeout);
    subscriptions.add(subscription);
    return subscription.start();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    for (Subscription s : subscriptions) {
      closing.add(s.close());
    }
    subscriptions.clear();
    Future<Void> all = Future.join(closing).mapEmpty();
    return ownsProducer ? all.eventually(producer::closeAsync) : all;
  }
}
