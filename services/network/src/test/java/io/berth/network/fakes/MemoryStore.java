package io.berth.network.fakes;

import io.berth.network.domain.StateEntry;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The network state's durable store in memory. */
public final class MemoryStore implements NetworkState.Store {
  public final Map<String, StateEntry> entries = new ConcurrentHashMap<>();

  @Override
  public Future<Void> put(String id, StateEntry value) {
    entries.put(id, value);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String id) {
    entries.remove(id);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> rebuild() {
    return Future.succeededFuture(0);
  }

  @Override
  public Future<List<StateEntry>> values() {
    return Future.succeededFuture(new ArrayList<>(entries.values()));
  }
}
