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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second service instance joins the group while the first is busy: nothing is lost, all is committed. */
class SubscriptionRebalanceTest {

  private static final int EVENTS = 600;

  @Test
  void secondMemberJoiningMidStreamLosesNothing() throws Exception {
    Vertx vertx = Vertx.vertx();
    KafkaSettings settings = SharedKafka.settings(3);
    String topic = "berth.rebalance" + System.nanoTime() + ".events";
    String group = "rebalance-" + System.nanoTime();
    Set<String> handled = ConcurrentHashMap.newKeySet();
    CountDownLatch some = new CountDownLatch(100);
    CountDownLatch all = new CountDownLatch(EVENTS);
    AtomicInteger bySecond = new AtomicInteger();
    EventHandler slow = event -> vertx.timer(40).map(t -> {
      if (handled.add(event.getId())) {
        some.countDown();
        all.countDown();
      }
      return (Void) null;
    });
    EventHandler slowSecond = event -> {
      bySecond.incrementAndGet();
      return slow.handle(event);
    };
    try (TopicAdmin admin = new TopicAdmin(vertx, settings);
         RecordProducer producer = new RecordProducer(vertx, settings, "rebalance")) {
      admin.ensure(List.of(TopicDefinition.events(topic))).await(30, TimeUnit.SECONDS);
      EventBus first = new KafkaEventBus(vertx, settings, producer, e -> topic, OpenTelemetry.noop(), RetryPolicy.DEFAULT);
      EventBus second = new KafkaEventBus(vertx, settings, producer, e -> topic, OpenTelemetry.noop(), RetryPolicy.DEFAULT);
      first.subscribe(topic, group, slow).await(30, TimeUnit.SECONDS);

      List<Future<Void>> sent = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        // few keys: each key's events are handled one after the other, so the stream lasts ~4 s
        CloudEvent event = TestEvents.event("key-" + (i % 6), "{\"seq\":" + i + "}");
        sent.add(first.publish(event));
      }
      Future.all(sent).await(30, TimeUnit.SECONDS);
      assertTrue(some.await(30, TimeUnit.SECONDS));
      second.subscribe(topic, group, slowSecond).await(30, TimeUnit.SECONDS);

      assertTrue(all.await(90, TimeUnit.SECONDS), all.getCount() + " events never handled");
      // records a member handled after losing their partition are not committed by it; the new owner
      // handles them again (the duplicates the contract allows) and commits, so the group catches up
      assertEquals(EVENTS, awaitCommitted(admin, group, EVENTS));
      assertTrue(bySecond.get() > 0, "the second member took over partitions while events were flowing");
      first.close().await(30, TimeUnit.SECONDS);
      second.close().await(30, TimeUnit.SECONDS);
      assertEquals(EVENTS, committed(admin, group), "closing keeps the commits");
    } finally {
      vertx.close().await();
    }
  }

  private static long awaitCommitted(TopicAdmin admin, String group, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long committed = committed(admin, group);
    while (committed != expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      committed = committed(admin, group);
    }
    return committed;
  }

  private static long committed(TopicAdmin admin, String group) throws Exception {
    return admin.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
        .values().stream().mapToLong(OffsetAndMetadata::offset).sum();
  }
}
