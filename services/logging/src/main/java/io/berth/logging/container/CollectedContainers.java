package io.berth.logging.container;

import io.berth.kit.state.StateStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * The durable record of the containers this service collects ({@code berth.logging.state}, map
 * {@code berth.logging.containers}), as {@link LogCollectionController} uses it.
 */
public interface CollectedContainers {
  Future<Integer> rebuild();

  Future<List<CollectedContainer>> values();

  Future<CollectedContainer> get(String id);

  Future<Void> put(String id, CollectedContainer c);

  Future<Void> remove(String id);

  static CollectedContainers of(StateStore<CollectedContainer> store) {
    return new CollectedContainers() {
      @Override public Future<Integer> rebuild() { return store.rebuild(); }
      @Override public Future<List<CollectedContainer>> values() { return store.values(); }
      @Override public Future<CollectedContainer> get(String id) { return store.get(id); }
      @Override public Future<Void> put(String id, CollectedContainer c) { return store.put(id, c); }
      @Override public Future<Void> remove(String id) { return store.remove(id); }
    };
  }
}
