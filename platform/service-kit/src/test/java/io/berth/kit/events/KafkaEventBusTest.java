package io.berth.kit.events;

import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.SharedKafka;
import io.berth.kit.kafka.TopicAdmin;
import io.berth.kit.kafka.TopicDefinition;
import io.berth.kit.kafka.TopicReader;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.berth.kit.events.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaEventBusTest {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10));

  private final Vertx vertx = Vertx.vertx();
  private final KafkaSettings settings = SharedKafka.settings(3);
  private final String topic = "berth.test" + System.nanoTime() + ".events";
  private final String group = "group-" + System.nanoTime();
  private RecordProducer producer;
  private TopicAdmin admin;
  private EventBus bus;

  @BeforeEach
  void start() throws Exception {
    admin = new TopicAdmin(vertx, settings);
    admin.ensure(List.of(TopicDefinition.events(topic), TopicDefinition.events(EventBus.DEADLETTER_TOPIC)))
        .await(30, TimeUnit.SECONDS);
    producer = new RecordProducer(vertx, settings, "test");
    bus = new KafkaEventBus(vertx, settings, producer, e -> topic, OpenTelemetry.noop(), FAST_RETRY);
  }

  @AfterEach
  void stop() throws Exception {
    bus.close().await(30, TimeUnit.SECONDS);
    producer.close();
    admin.close();
    vertx.close().await();
  }

  @Test
  void publishedEventReachesSubscriberAsBinaryCloudEvent() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    subscribe(handler);
    CloudEvent sent = event("vol-1", "{\"name\":\"data\"}");

    bus.publish(sent).await(30, TimeUnit.SECONDS);

    CloudEvent got = handler.awaitHandled(sent.getId());
    assertEquals(sent.getType(), got.getType());
    assertEquals(sent.getSource(), got.getSource());
    assertEquals("vol-1", got.getExtension("partitionkey"));
    assertEquals("{\"name\":\"data\"}", new String(got.getData().toBytes(), StandardCharsets.UTF_8));

    List<ConsumerRecord<String, byte[]>> records = readAll(topic);
    assertEquals(1, records.size());
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertEquals("vol-1", record.key(), "key = partitionkey");
    assertEquals(sent.getId(), header(record, "ce_id"));
    assertEquals("io.berth.test.thing.changed", header(record, "ce_type"));
    assertEquals("urn:berth:test", header(record, "ce_source"));
    assertEquals("1.0", header(record, "ce_specversion"));
    assertEquals("application/json", header(record, "content-type"));
    assertEquals("{\"name\":\"data\"}", new String(record.value(), StandardCharsets.UTF_8), "binary mode: data only");
    awaitCommitted(1);
  }

  @Test
  void retriableFailureIsRetriedAndCommittedOnlyAfterSuccess() throws Exception {
    RecordingHandler handler = new RecordingHandler((e, call) -> call == 1
        ? Future.failedFuture(new RetriableException("volume driver busy"))
        : Future.succeededFuture());
    Subscription subscription = subscribe(handler);
    CloudEvent sent = event("vol-2", "{}");

    bus.publish(sent).await(30, TimeUnit.SECONDS);

    handler.awaitHandled(sent.getId());
    assertEquals(2, handler.calls(sent.getId()));
    awaitCommitted(1);
    subscription.close().await(30, TimeUnit.SECONDS);

    // the same group resumes after the committed event: it is not handled again
    RecordingHandler next = RecordingHandler.succeeding();
    subscribe(next);
    CloudEvent marker = event("vol-2", "{}");
    bus.publish(marker).await(30, TimeUnit.SECONDS);
    next.awaitHandled(marker.getId());
    assertEquals(List.of(marker.getId()), next.succeeded());
    assertTrue(deadLetter(sent.getId()).isEmpty());
  }

  @Test
  void poisonEventIsDeadLetteredAndTheNextEventOfItsPartitionIsHandled() throws Exception {
    RecordingHandler handler = new RecordingHandler((e, call) ->
        new String(e.getData().toBytes(), StandardCharsets.UTF_8).contains("poison")
            ? Future.failedFuture(new IllegalArgumentException("invalid volume name \"..\""))
            : Future.succeededFuture());
    subscribe(handler);
    CloudEvent poison = event("vol-3", "{\"name\":\"poison\"}");
    CloudEvent next = event("vol-3", "{\"name\":\"fine\"}");

    bus.publish(poison).compose(v -> bus.publish(next)).await(30, TimeUnit.SECONDS);

    handler.awaitHandled(next.getId());
    assertEquals(1, handler.calls(poison.getId()), "a permanent failure is not retried");
    assertEquals(List.of(next.getId()), handler.succeeded());
    ConsumerRecord<String, byte[]> dead = deadLetter(poison.getId()).orElseThrow();
    assertEquals("invalid volume name \"..\"", header(dead, "berth_error"));
    assertEquals(IllegalArgumentException.class.getName(), header(dead, "berth_error_type"));
    assertEquals(topic, header(dead, "berth_origin_topic"));
    assertEquals("0", header(dead, "berth_origin_offset"));
    assertEquals(group, header(dead, "berth_origin_group"));
    assertNotNull(header(dead, "berth_origin_partition"));
    assertEquals(poison.getType(), header(dead, "ce_type"), "original headers kept");
    assertEquals("vol-3", dead.key());
    assertEquals("{\"name\":\"poison\"}", new String(dead.value(), StandardCharsets.UTF_8));
    awaitCommitted(2);
  }

  @Test
  void exhaustedRetriesDeadLetterTheEvent() throws Exception {
    RecordingHandler handler = new RecordingHandler((e, call) -> e.getExtension("partitionkey").equals("stuck")
        ? Future.failedFuture(new RetriableException("still busy"))
        : Future.succeededFuture());
    subscribe(handler);
    CloudEvent stuck = event("stuck", "{}");
    CloudEvent next = event("stuck-not", "{}");

    bus.publish(stuck).await(30, TimeUnit.SECONDS);
    ConsumerRecord<String, byte[]> dead = awaitDeadLetter(stuck.getId());
    bus.publish(next).await(30, TimeUnit.SECONDS);
    handler.awaitHandled(next.getId());

    assertEquals(FAST_RETRY.maxAttempts(), handler.calls(stuck.getId()));
    assertEquals("still busy", header(dead, "berth_error"));
    assertEquals(RetriableException.class.getName(), header(dead, "berth_error_type"));
  }

  @Test
  void aHazelcastTimeoutIsRetriedNotDeadLettered() throws Exception {
    // a map call timing out while a member is slow or leaving, then a partition moving, then success
    RecordingHandler handler = new RecordingHandler((e, call) -> switch (call) {
      case 1 -> Future.failedFuture(new com.hazelcast.core.OperationTimeoutException("ipam allocate timed out"));
      case 2 -> Future.failedFuture(new io.berth.kit.errors.BerthException.Internal("allocation failed",
          new java.util.concurrent.CompletionException(
              new com.hazelcast.spi.exception.WrongTargetException("partition 7 moved"))));
      default -> Future.succeededFuture();
    });
    subscribe(handler);
    CloudEvent sent = event("net-1", "{}");

    bus.publish(sent).await(30, TimeUnit.SECONDS);

    handler.awaitHandled(sent.getId());
    assertEquals(3, handler.calls(sent.getId()));
    awaitCommitted(1);
    assertTrue(deadLetter(sent.getId()).isEmpty(), "a transient failure is not dead-lettered");
  }

  @Test
  void aTransientFailureWhileClosingIsLeftForTheNextConsumerNotDeadLettered() throws Exception {
    // Hazelcast shutting down with the node: retrying on this node is pointless, dead-lettering would lose the event
    EventBus slowRetries = new KafkaEventBus(vertx, settings, producer, e -> topic, OpenTelemetry.noop(),
        new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)));
    CompletableFuture<Void> failedOnce = new CompletableFuture<>();
    RecordingHandler stopping = new RecordingHandler((e, call) -> {
      failedOnce.complete(null);
      return Future.failedFuture(new com.hazelcast.core.HazelcastInstanceNotActiveException());
    });
    Subscription first = slowRetries.subscribe(topic, group, stopping).await(30, TimeUnit.SECONDS);
    CloudEvent sent = event("net-2", "{}");
    bus.publish(sent).await(30, TimeUnit.SECONDS);
    failedOnce.get(30, TimeUnit.SECONDS);
    first.close().await(30, TimeUnit.SECONDS);
    slowRetries.close().await(30, TimeUnit.SECONDS);
    assertTrue(stopping.calls(sent.getId()) < 3, "no retry is started once the subscription closes");

    RecordingHandler next = RecordingHandler.succeeding();
    subscribe(next);
    next.awaitHandled(sent.getId());
    awaitCommitted(1);
    assertTrue(deadLetter(sent.getId()).isEmpty(), "delivered again, never dead-lettered");
  }

  @Test
  void recordThatIsNotACloudEventIsDeadLettered() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    subscribe(handler);
    producer.send(new ProducerRecord<>(topic, "raw", "not an event".getBytes(StandardCharsets.UTF_8)))
        .await(30, TimeUnit.SECONDS);
    CloudEvent next = event("raw", "{}");
    bus.publish(next).await(30, TimeUnit.SECONDS);

    handler.awaitHandled(next.getId());
    assertEquals(List.of(next.getId()), handler.succeeded());
    List<ConsumerRecord<String, byte[]>> dead = readAll(EventBus.DEADLETTER_TOPIC).stream()
        .filter(r -> topic.equals(header(r, "berth_origin_topic"))).toList();
    assertEquals(1, dead.size());
    assertEquals("not an event", new String(dead.get(0).value(), StandardCharsets.UTF_8));
  }

  @Test
  void duplicateEventIdIsHandledOnce() throws Exception {
    RecordingHandler handler = RecordingHandler.succeeding();
    subscribe(handler);
    CloudEvent once = event("vol-4", "{}");
    CloudEvent marker = event("vol-4", "{}");

    bus.publish(once).compose(v -> bus.publish(once)).compose(v -> bus.publish(marker)).await(30, TimeUnit.SECONDS);

    handler.awaitHandled(marker.getId());
    assertEquals(1, handler.calls(once.getId()));
    assertEquals(List.of(once.getId(), marker.getId()), handler.succeeded());
    assertEquals(3, readAll(topic).size(), "the duplicate was really published twice");
  }

  @Test
  void aSlowKeyDoesNotHoldUpOtherKeysAndEachKeyKeepsItsOrder() throws Exception {
    io.vertx.core.Promise<Void> release = io.vertx.core.Promise.promise();
    CloudEvent slow1 = event("slow", "{}");
    CloudEvent slow2 = event("slow", "{}");
    RecordingHandler handler = new RecordingHandler((e, call) -> e.getId().equals(slow1.getId())
        ? release.future() : Future.succeededFuture());
    List<CloudEvent> others = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      others.add(event("k" + i, "{}"));
    }
    // published before subscribing, so that one batch holds them: with 3 partitions some k* share slow's partition
    bus.publish(slow1).compose(v -> bus.publish(slow2)).await(30, TimeUnit.SECONDS);
    Future.all(others.stream().map(bus::publish).toList()).await(30, TimeUnit.SECONDS);

    subscribe(handler);

    for (CloudEvent e : others) {
      handler.awaitHandled(e.getId());
    }
    assertEquals(0, handler.calls(slow2.getId()), "a key's next event waits for the one before");
    // fetching goes on while a handler runs: an event published now is handled before slow1 finishes
    CloudEvent late = event("late", "{}");
    bus.publish(late).await(30, TimeUnit.SECONDS);
    handler.awaitHandled(late.getId());
    release.complete();
    handler.awaitHandled(slow2.getId());
    List<String> order = handler.succeeded();
    assertTrue(order.indexOf(slow1.getId()) < order.indexOf(slow2.getId()));
    awaitCommitted(23);
  }

  @Test
  void handlersRunOnTheSubscribersContextEvenWhenAFutureCompletesElsewhere() throws Exception {
    List<io.vertx.core.Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingHandler handler = new RecordingHandler((e, call) -> {
      contexts.add(Vertx.currentContext());
      io.vertx.core.Promise<Void> elsewhere = io.vertx.core.Promise.promise();
      new Thread(elsewhere::complete).start();
      return elsewhere.future();
    });
    List<CloudEvent> events = List.of(event("vol-5", "{}"), event("vol-5", "{}"), event("vol-5", "{}"));
    // published before subscribing, so that one poll hands all three over in one batch
    Future.all(events.stream().map(bus::publish).toList()).await(30, TimeUnit.SECONDS);

    io.vertx.core.Context subscriber = vertx.getOrCreateContext();
    subscriber.runOnContext(v -> bus.subscribe(topic, group, handler));

    handler.awaitHandled(events.get(2).getId());
    assertEquals(List.of(subscriber, subscriber, subscriber), contexts);
  }

  @Test
  void publishWithoutResolvableTopicFails() {
    EventBus byDomain = KafkaEventBus.create(vertx, settings, OpenTelemetry.noop());
    try {
      CloudEvent foreign = io.cloudevents.core.builder.CloudEventBuilder.v1(event("x", "{}"))
          .withType("org.example.other").build();
      assertTrue(byDomain.publish(foreign).failed());
      assertEquals("berth.volume.events", TopicResolver.byDomain().topicFor(
          io.cloudevents.core.builder.CloudEventBuilder.v1(foreign).withType("io.berth.volume.volume.created").build()));
    } finally {
      byDomain.close().await();
    }
  }

  private Subscription subscribe(EventHandler handler) throws Exception {
    return bus.subscribe(topic, group, handler).await(30, TimeUnit.SECONDS);
  }

  private void awaitCommitted(long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    long committed = -1;
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      committed = offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
      if (committed == expected) {
        return;
      }
      Thread.sleep(50);
    }
    assertEquals(expected, committed, "committed offsets of " + group);
  }

  private ConsumerRecord<String, byte[]> awaitDeadLetter(String eventId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      var found = deadLetter(eventId);
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no dead letter for " + eventId);
  }

  private java.util.Optional<ConsumerRecord<String, byte[]>> deadLetter(String eventId) {
    return readAll(EventBus.DEADLETTER_TOPIC).stream().filter(r -> eventId.equals(header(r, "ce_id"))).findFirst();
  }

  private List<ConsumerRecord<String, byte[]>> readAll(String name) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    TopicReader.readToEnd(settings, name, Duration.ofSeconds(20), out::add);
    return out;
  }

  static String header(ConsumerRecord<String, byte[]> record, String key) {
    Header h = record.headers().lastHeader(key);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
