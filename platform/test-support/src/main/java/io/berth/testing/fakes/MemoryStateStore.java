package io.berth.testing.fakes;

import io.berth.kit.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in memory, for unit tests of controllers: no Kafka, no Hazelcast. Values go through JSON as in
 * the real store, so a resource that does not survive encoding fails here too. {@link #failNext} makes the next write
 * fail, as a refused Kafka write would.
 */
public final class MemoryStateStore<T> implements StateStore<T> {

  private final Class<T> type;
  private final String topic;
  private final Map<String, String> values = new LinkedHashMap<>();
  private RuntimeException nextFailure;
  private int writes;

  public MemoryStateStore(Class<T> type) {
    this(type, "memory." + type.getSimpleName());
  }

  public MemoryStateStore(Class<T> type, String topic) {
    this.type = type;
    this.topic = topic;
  }

  @Override
  public synchronized Future<Void> put(String id, T value) {
    RuntimeException failure = takeFailure();
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    values.put(id, Json.encode(value));
    writes++;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> remove(String id) {
    RuntimeException failure = takeFailure();
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    values.remove(id);
    writes++;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<T> get(String id) {
    return Future.succeededFuture(decode(values.get(id)));
  }

  @Override
  public synchronized Future<List<T>> values() {
    List<T> out = new ArrayList<>();
    values.values().forEach(json -> out.add(decode(json)));
    return Future.succeededFuture(out);
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public T decode(String json) {
    return json == null ? null : Json.decodeValue(json, type);
  }

  @Override
  public synchronized Future<Integer> rebuild() {
    return Future.succeededFuture(values.size());
  }

  /** The stored value of {@code id}, read synchronously. */
  public synchronized Optional<T> value(String id) {
    return Optional.ofNullable(decode(values.get(id)));
  }

  /** The ids stored, in the order they were first written. */
  public synchronized List<String> ids() {
    return List.copyOf(values.keySet());
  }

  /** How many puts and removes succeeded. */
  public synchronized int writes() {
    return writes;
  }

  /** Makes the next {@link #put} or {@link #remove} fail with {@code failure}, changing nothing. */
  public synchronized void failNext(RuntimeException failure) {
    nextFailure = failure;
  }

  private RuntimeException takeFailure() {
    RuntimeException f = nextFailure;
    nextFailure = null;
    return f;
  }
}
