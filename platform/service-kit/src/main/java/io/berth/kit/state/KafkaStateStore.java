package io.berth.kit.state;

import com.hazelcast.map.IMap;
import com.hazelcast.core.HazelcastInstance;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.kit.kafka.RecordProducer;
import io.berth.kit.kafka.TopicReader;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The {@link StateStore} of a running node: a compacted Kafka topic and a Hazelcast map.
 *
 * <p>Hazelcast is memory, so every change is also written to the compacted topic
 * {@code berth.<domain>.state} (key = id, value = the resource as JSON, a tombstone on delete); the
 * returned future completes once Kafka acknowledged it and the cluster map holds it. Both writes go out
 * together: a reader of the map may see a change a moment before Kafka acknowledged it, and a change Kafka
 * refuses is taken back from the map. Values are JSON strings in the map, so every member and every reader can
 * decode them without sharing classes.
 *
 * @param <T> the resource type, a record or bean Jackson can map
 */
public final class KafkaStateStore<T> implements StateStore<T> {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaStateStore.class);
  private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(2);

  private final Vertx vertx;
  private final RecordProducer producer;
  private final KafkaSettings settings;
  private final IMap<String, String> map;
  private final String topic;
  private final Class<T> type;

  /**
   * @param producer the service's producer (idempotent, {@code acks=all})
   * @param settings where to read the topic from on {@link #rebuild()}
   * @param topic    the compacted topic, e.g. {@code berth.volume.state}
   * @param mapName  the Hazelcast map, e.g. {@code berth.volume.volumes}
   */
  public KafkaStateStore(Vertx vertx, RecordProducer producer, KafkaSettings settings, HazelcastInstance hazelcast,
                         String topic, String mapName, Class<T> type) {
    this.vertx = Objects.requireNonNull(vertx);
    this.producer = Objects.requireNonNull(producer);
    this.settings = Objects.requireNonNull(settings);
    this.map = hazelcast.getMap(mapName);
    this.topic = Objects.requireNonNull(topic);
    this.type = Objects.requireNonNull(type);
  }

  /**
   * Writes {@code value} to the state topic and to the map at the same time (one round trip instead of two); completes
   * when both hold it. Should Kafka refuse the record, the map gets its earlier value back, so the map never keeps
   * what the topic lost, and the future fails with Kafka's error.
   */
  @Override
  public Future<Void> put(String id, T value) {
    String json;
    try {
      json = Json.encode(value);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Context context = vertx.getOrCreateContext();
    Future<String> before = fromHazelcast(map.putAsync(id, json), context);
    Future<?> acked = producer.send(new ProducerRecord<>(topic, id, json.getBytes(StandardCharsets.UTF_8)));
    return settle(id, before, acked, context);
  }

  /**
   * Writes a tombstone for {@code id} and deletes it from the map at the same time; a refused tombstone puts the value
   * back. Removing a missing id succeeds.
   */
  @Override
  public Future<Void> remove(String id) {
    Context context = vertx.getOrCreateContext();
    Future<String> before = fromHazelcast(map.removeAsync(id), context);
    Future<?> acked = producer.send(new ProducerRecord<>(topic, id, null));
    return settle(id, before, acked, context);
  }

  private Future<Void> settle(String id, Future<String> before, Future<?> acked, Context context) {
    return Future.join(before, acked).transform(done -> {
      if (acked.succeeded()) {
        return before.succeeded() ? Future.succeededFuture() : Future.failedFuture(before.cause());
      }
      if (before.failed()) {
        return Future.failedFuture(acked.cause());
      }
      String previous = before.result();
      Future<?> restored = previous == null ? fromHazelcast(map.removeAsync(id), context)
          : fromHazelcast(map.setAsync(id, previous), context);
      return restored.transform(x -> {
        if (x.failed()) {
          LOG.warn("{} not restored in {} after Kafka refused its change: {}", id, map.getName(), x.cause().toString());
        }
        return Future.failedFuture(acked.cause());
      });
    });
  }

  /** The resource with this id, or null. */
  @Override
  public Future<T> get(String id) {
    return fromHazelcast(map.getAsync(id), vertx.getOrCreateContext()).map(this::decode);
  }

  /** Every resource in the map (a cluster-wide read, done off the event loop). */
  @Override
  public Future<List<T>> values() {
    return vertx.executeBlocking(() -> {
      List<T> out = new ArrayList<>();
      for (String json : map.values()) {
        out.add(decode(json));
      }
      return out;
    }, false);
  }

  /**
   * The underlying map of id → JSON, for entry listeners, predicates and entry processors. Write through
   * {@link #put} and {@link #remove} only, or the change is lost on the next cold start.
   */
  public IMap<String, String> map() {
    return map;
  }

  /** The compacted topic this store writes to. */
  @Override
  public String topic() {
    return topic;
  }

  /** Decodes a value of {@link #map()}; null stays null. */
  @Override
  public T decode(String json) {
    return json == null ? null : Json.decodeValue(json, type);
  }

  /**
   * Loads the map from the state topic on a cold start, before the service accepts requests: reads the
   * topic from the beginning to its current end and keeps the last value of each id.
   *
   * <p>Only a cold map is loaded. When the map already holds entries, the cluster is warm (another member
   * kept it) and is newer than anything this read could bring, so it is left alone. Entries are added only
   * where absent and tombstones are not replayed, so when several members start cold together, one that
   * finished first and already serves writes is never overwritten with an older value.
   *
   * @return the number of live resources in the topic, or the map's size when it was warm
   */
  @Override
  public Future<Integer> rebuild() {
    return vertx.executeBlocking(() -> {
      if (!map.isEmpty()) {
        LOG.info("{} is already populated by the cluster; not rebuilding it from {}", map.getName(), topic);
        return map.size();
      }
      long started = System.nanoTime();
      Map<String, String> latest = new HashMap<>();
      long records = TopicReader.readToEnd(settings, topic, REBUILD_TIMEOUT, record -> latest.put(record.key(),
          record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
      int live = 0;
      for (Map.Entry<String, String> e : latest.entrySet()) {
        if (e.getValue() != null) {
          map.putIfAbsent(e.getKey(), e.getValue());
          live++;
        }
      }
      LOG.info("rebuilt {} from {}: {} live, {} deleted, {} records in {} ms", map.getName(), topic, live,
          latest.size() - live, records, (System.nanoTime() - started) / 1_000_000);
      return live;
    }, false);
  }

  private static <V> Future<V> fromHazelcast(CompletionStage<V> stage, Context context) {
    return Future.fromCompletionStage(stage, context);
  }
}
