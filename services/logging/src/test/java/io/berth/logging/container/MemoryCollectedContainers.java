package io.berth.logging.container;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CollectedContainers} in a map, counting writes (so a test sees a replay write nothing). */
final class MemoryCollectedContainers implements CollectedContainers {
  final Map<String, CollectedContainer> byId = new ConcurrentHashMap<>();
  final AtomicInteger puts = new AtomicInteger();

  @Override public Future<Integer> rebuild() { return Future.succeededFuture(byId.size()); }
  @Override public Future<List<CollectedContainer>> values() { return Future.succeededFuture(new ArrayList<>(byId.values())); }
  @Override public Future<CollectedContainer> get(String id) { return Future.succeededFuture(byId.get(id)); }

  @Override
  public Future<Void> put(String id, CollectedContainer c) {
    puts.incrementAndGet();
    byId.put(id, c);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String id) {
    byId.remove(id);
    return Future.succeededFuture();
  }
}
