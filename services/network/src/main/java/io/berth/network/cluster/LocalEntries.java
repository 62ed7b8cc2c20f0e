package io.berth.network.cluster;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.Future;
import java.util.AbstractMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Entries in this node's memory: a processor runs in place, atomically per key, and completes at once. */
public final class LocalEntries<K, V> implements KeyedEntries<K, V> {
  private final Map<K, V> entries = new ConcurrentHashMap<>();

  @Override
  public <R> Future<R> submit(K key, EntryProcessor<K, V, R> processor) {
    Object[] result = new Object[1];
    try {
      entries.compute(key, (k, value) -> {
        Map.Entry<K, V> entry = new AbstractMap.SimpleEntry<>(k, value);
        result[0] = processor.process(entry);
        return entry.getValue();
      });
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    @SuppressWarnings("unchecked")
    R r = (R) result[0];
    return Future.succeededFuture(r);
  }

  @Override
  public Future<Void> remove(K key) {
    entries.remove(key);
    return Future.succeededFuture();
  }
}
