package io.berth.kit.events;

import static io.berth.kit.events.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.SharedKafka;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A subscription neither hangs on an unreachable Kafka nor dies with its consumer. */
class SubscriptionRecoveryTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void subscribingToAnUnreachableKafkaFailsWithinTheStartTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    KafkaSettings nowhere = KafkaSettings.singleNode("127.0.0.1:" + port);
    try (RecordProducer producer = new RecordProducer(vertx, nowhere, "nowhere")) {
      KafkaEventBus bus = new KafkaEventBus(vertx, nowhere, producer, e -> "t", OpenTelemetry.noop(),
          RetryPolicy.DEFAULT).tuned(Duration.ofSeconds(2), Map.of());
      long t0 = System.nanoTime();
      Throwable failed = bus.subscribe("berth.nowhere.events", "g", e -> null).transform(ar -> 
          io.vertx.core.Future.succeededFuture(ar.cause())).await(30, TimeUnit.SECONDS);
      assertInstanceOf(BerthException.Unavailable.class, failed);
      assertTrue(failed.getMessage().contains("is Kafka reachable at 127.0.0.1:" + port), failed.getMessage());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "failed at the timeout, not later");
      bus.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aConsumerThatFailsIsReplacedAndNoEventIsLost() throws Exception {
    KafkaSettings settings = SharedKafka.settings(1);
    String topic = "berth.recover" + System.nanoTime() + ".events";
    FailingOnceKeys.armed.set(true);
    try (TopicAdmin admin = new TopicAdmin(vertx, settings);
         RecordProducer producer = new RecordProducer(vertx, settings, "recover")) {
      admin.ensure(List.of(TopicDefinition.events(topic))).await(30, TimeUnit.SECONDS);
      KafkaEventBus bus = new KafkaEventBus(vertx, settings, producer, e -> topic, OpenTelemetry.noop(),
          RetryPolicy.DEFAULT).tuned(Duration.ofSeconds(60),
          Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, FailingOnceKeys.class.getName()));
      RecordingHandler handler = RecordingHandler.succeeding();
      bus.subscribe(topic, "recover-" + System.nanoTime(), handler).await(30, TimeUnit.SECONDS);
      CloudEvent first = event("boom", "{}");
      CloudEvent second = event("after", "{}");

      bus.publish(first).compose(v -> bus.publish(second)).await(30, TimeUnit.SECONDS);

      handler.awaitHandled(first.getId());
      handler.awaitHandled(second.getId());
      assertTrue(!FailingOnceKeys.armed.get(), "the consumer really failed once");
      bus.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** A key deserializer that throws on the key "boom" once, as a broken record or client would. */
  public static final class FailingOnceKeys implements Deserializer<String> {
    static final AtomicBoolean armed = new AtomicBoolean();
    private final StringDeserializer strings = new StringDeserializer();

    @Override
    public String deserialize(String topic, byte[] data) {
      String key = strings.deserialize(topic, data);
      if ("boom".equals(key) && armed.compareAndSet(true, false)) {
        throw new IllegalStateException("cannot read key " + key);
      }
      return key;
    }
  }
}
