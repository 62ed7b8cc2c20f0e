package io.berth.volume;

import io.berth.kit.state.StateStore;
import io.berth.volume.domain.Volume;
import io.vertx.core.Future;
import java.util.List;

/** The durable records of volumes the controller reads and writes (in the cluster: the kit's {@link StateStore}). */
public interface VolumeStore {
  Future<Void> put(String key, Volume v);

  Future<Void> remove(String key);

  Future<Volume> get(String key);

  Future<List<Volume>> values();

  /** The kit's store of volumes, as the controller sees it. */
  static VolumeStore of(StateStore<Volume> store) {
    return new VolumeStore() {
      @Override
      public Future<Void> put(String key, Volume v) {
        return store.put(key, v);
      }

      @Override
      public Future<Void> remove(String key) {
        return store.remove(key);
      }

      @Override
      public Future<Volume> get(String key) {
        return store.get(key);
      }

      @Override
      public Future<List<Volume>> values() {
        return store.values();
      }
    };
  }
}
