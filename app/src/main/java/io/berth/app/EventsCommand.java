package io.berth.app;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.EventType;
import io.berth.events.Topics;
import io.berth.kit.events.KafkaEventBus;
import io.berth.kit.events.RetryPolicy;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.node.CatalogTopics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code berth events publish TYPE --data JSON|@FILE}: validates the data against the type's schema and publishes it
 * as a CloudEvent (what event producers do). {@code berth events tail [TOPIC...]}: prints events as they arrive, one
 * JSON CloudEvent per line.
 */
final class EventsCommand {
  private EventsCommand() {}

  static int run(List<String> args) throws Exception {
    if (args.isEmpty()) {
      System.err.println("usage: berth events publish TYPE --data JSON|@FILE | berth events tail [TOPIC...]");
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "publish" -> publish(CliArgs.parse(rest, Set.of("--data", "--key", "--source", "--kafka", "--exec-root"), Set.of()));
      case "tail" -> tail(CliArgs.parse(rest, Set.of("--count", "--timeout", "--kafka", "--exec-root"), Set.of("--from-beginning")));
      default -> {
        System.err.println("berth events: unknown subcommand " + args.get(0));
        yield 2;
      }
    };
  }

  private static int publish(CliArgs cli) throws Exception {
    if (cli.positional.size() != 1 || !cli.options.containsKey("--data")) {
      System.err.println("usage: berth events publish TYPE --data JSON|@FILE [--key ID]");
      return 2;
    }
    String type = cli.positional.get(0);
    if (EventCatalog.find(type).isEmpty()) {
      System.err.println("berth events: unknown event type " + type + " (known: "
          + EventCatalog.all().stream().map(EventType::type).toList() + ")");
      return 1;
    }
    String data = cli.options.get("--data");
    byte[] json = data.startsWith("@")
        ? Files.readAllBytes(Path.of(data.substring(1)))
        : data.getBytes(StandardCharsets.UTF_8);
    String key = cli.options.get("--key");
    CloudEvent event;
    try {
      if (key == null) key = defaultKey(json);
      event = BerthEvents.create(type, cli.get("--source", "urn:berth:cli"), key, json);
    } catch (IllegalArgumentException | io.vertx.core.json.DecodeException e) {
      System.err.println("berth events: invalid data for " + type + ": " + e.getMessage());
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    KafkaSettings settings = KafkaSettings.singleNode(cli.kafkaBootstrap());
    try (RecordProducer producer = new RecordProducer(vertx, settings, "cli")) {
      KafkaEventBus bus = new KafkaEventBus(vertx, settings, producer, CatalogTopics.resolver(), OpenTelemetry.noop(),
          RetryPolicy.DEFAULT);
      bus.publish(event).toCompletionStage().toCompletableFuture().get();
      System.out.println(event.getId());
      return 0;
    } finally {
      vertx.close();
    }
  }

  /** The entity id the event is about: {@code id}, else {@code containerId}, {@code serviceId}, {@code name}. */
  private static String defaultKey(byte[] json) {
    JsonObject o = new JsonObject(new String(json, StandardCharsets.UTF_8));
    for (String field : List.of("id", "containerId", "serviceId", "taskId", "name")) {
      Object v = o.getValue(field);
      if (v instanceof String s && !s.isBlank()) return s;
    }
    throw new IllegalArgumentException("no entity id in the data (id, containerId, serviceId, taskId or name); pass --key");
  }

  private static int tail(CliArgs cli) {
    List<String> topics = new ArrayList<>(cli.positional);
    if (topics.isEmpty()) {
      Topics.cloudEventTopics().forEach(t -> topics.add(t.name()));
    }
    long count = Long.parseLong(cli.get("--count", "-1"));
    long deadline = cli.options.containsKey("--timeout")
        ? System.nanoTime() + Duration.ofSeconds(Long.parseLong(cli.get("--timeout", "0"))).toNanos()
        : Long.MAX_VALUE;
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cli.kafkaBootstrap(),
        ConsumerConfig.GROUP_ID_CONFIG, "berth-tail-" + UUID.randomUUID(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
    EventFormat format = new JsonFormat();
    long printed = 0;
    try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, Duration.ofSeconds(10))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      if (cli.options.containsKey("--from-beginning")) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
      }
      System.err.println("tailing " + String.join(", ", topics));
      while ((count < 0 || printed < count) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, CloudEvent> rec : consumer.poll(Duration.ofMillis(200))) {
          if (rec.value() == null) continue;
          System.out.println(new String(format.serialize(rec.value()), StandardCharsets.UTF_8));
          System.out.flush();
          if (++printed == count) break;
        }
      }
    }
    return count < 0 || printed >= count ? 0 : 1;
  }
}
