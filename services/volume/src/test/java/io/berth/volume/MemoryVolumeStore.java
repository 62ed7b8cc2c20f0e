package io.berth.volume;

import io.berth.volume.domain.Volume;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Volume records in a map. */
final class MemoryVolumeStore implements VolumeStore {
  final Map<String, Volume> records = new ConcurrentHashMap<>();
  /** Counts reads of every record ({@link #values}), the cluster-wide scan an index spares. */
  int scans;

  @Override
  public Future<Void> put(String key, Volume v) {
    records.put(key, v);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String key) {
    records.remove(key);
    return Future.succeededFuture();
  }

  @Override
  public Future<Volume> get(String key) {
    return Future.succeededFuture(records.get(key));
  }

  @Override
  public Future<List<Volume>> values() {
    scans++;
    return Future.succeededFuture(new ArrayList<>(records.values()));
  }
}
