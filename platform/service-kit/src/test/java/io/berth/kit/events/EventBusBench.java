package io.berth.kit.events;

import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.SharedKafka;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Figures of the event bus with the embedded broker in the same JVM: publish → handler latency one event
 * at a time, and throughput of a burst. Prints, never asserts timings. Run with
 * {@code mvn -o -pl platform/service-kit test -Dberth.excludedGroups= -Dgroups=bench -Dtest=EventBusBench}.
 */
@Tag("bench")
class EventBusBench {

  private static final int PING_PONG = Integer.getInteger("bench.pingpong", 10_000);
  private static final int WARM_UP = 1_000;
  private static final int BURST = Integer.getInteger("bench.burst", 100_000);

  private final Vertx vertx = Vertx.vertx();
  private final KafkaSettings settings = SharedKafka.settings(3);
  private RecordProducer producer;
  private EventBus bus;

  @BeforeEach
  void start() {
    producer = new RecordProducer(vertx, settings, "bench");
    bus = new KafkaEventBus(vertx, settings, producer, e -> { throw new IllegalStateException(); },
        OpenTelemetry.noop(), RetryPolicy.DEFAULT);
  }

  @AfterEach
  void stop() {
    bus.close().await();
    producer.close();
    vertx.close().await();
  }

  @Test
  void publishToConsumeLatency() throws Exception {
    String topic = topic("pingpong");
    Map<String, CompletableFuture<Long>> consumedAt = new ConcurrentHashMap<>();
    bus.subscribe(topic, "bench-pingpong", event -> {
      consumedAt.computeIfAbsent(event.getId(), k -> new CompletableFuture<>()).complete(System.nanoTime());
      return Future.succeededFuture();
    }).await(30, TimeUnit.SECONDS);

    long[] micros = new long[PING_PONG];
    long started = System.nanoTime();
    for (int i = -WARM_UP; i < PING_PONG; i++) {
      CloudEvent event = TestEvents.event("key-" + (i & 7), "{\"seq\":" + i + "}");
      CompletableFuture<Long> consumed = consumedAt.computeIfAbsent(event.getId(), k -> new CompletableFuture<>());
      long sent = System.nanoTime();
      if (i == 0) {
        started = sent;
      }
      bus.publish(topic, event);
      long latency = consumed.get(30, TimeUnit.SECONDS) - sent;
      consumedAt.remove(event.getId());
      if (i >= 0) {
        micros[i] = latency / 1_000;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Arrays.sort(micros);
    System.out.printf("BENCH event bus ping-pong %d events (after %d warm-up): p50 %.2f ms, p90 %.2f ms, "
            + "p99 %.2f ms, max %.2f ms; %.0f sequential events/s%n", PING_PONG, WARM_UP,
        pct(micros, 50), pct(micros, 90), pct(micros, 99), micros[micros.length - 1] / 1000.0, PING_PONG / seconds);
  }

  @Test
  void burstThroughput() throws Exception {
    String topic = topic("burst");
    CountDownLatch consumed = new CountDownLatch(BURST);
    bus.subscribe(topic, "bench-burst", event -> {
      consumed.countDown();
      return Future.succeededFuture();
    }).await(30, TimeUnit.SECONDS);

    long started = System.nanoTime();
    List<Future<Void>> acks = new ArrayList<>(BURST);
    for (int i = 0; i < BURST; i++) {
      acks.add(bus.publish(topic, TestEvents.event("key-" + (i % 1000), "{\"seq\":" + i + ",\"name\":\"volume-" + i + "\"}")));
    }
    Future.all(acks).await(120, TimeUnit.SECONDS);
    double ackedSeconds = (System.nanoTime() - started) / 1e9;
    if (!consumed.await(180, TimeUnit.SECONDS)) {
      throw new AssertionError(consumed.getCount() + " events not consumed");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("BENCH event bus burst %d events: all acked in %.2f s (%.0f published/s), all handled in "
        + "%.2f s (%.0f events/s end to end)%n", BURST, ackedSeconds, BURST / ackedSeconds, seconds, BURST / seconds);
  }

  private String topic(String name) {
    String topic = "berth.bench" + name + System.nanoTime() + ".events";
    try (TopicAdmin admin = new TopicAdmin(vertx, settings)) {
      admin.ensure(List.of(TopicDefinition.events(topic))).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return topic;
  }

  private static double pct(long[] sortedMicros, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, index)] / 1000.0;
  }
}
