package io.berth.network.cluster;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Entries of a Hazelcast map: a processor runs on the key's owner, so no two nodes change one entry at the same
 * time. The cluster failing to answer (a member gone, a timeout) is {@link BerthException.Unavailable}: transient,
 * so an event handler is retried rather than dead-lettered.
 */
public final class HazelcastEntries<K, V> implements KeyedEntries<K, V> {
  private final Vertx vertx;
  private final IMap<K, V> map;

  public HazelcastEntries(Vertx vertx, IMap<K, V> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public <R> Future<R> submit(K key, EntryProcessor<K, V, R> processor) {
    return on(map.submitToKey(key, processor));
  }

  @Override
  public Future<Void> remove(K key) {
    return on(map.removeAsync(key)).mapEmpty();
  }

  private <T> Future<T> on(CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext()).recover(e -> {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      return Future.failedFuture(cause instanceof HazelcastException
          ? new BerthException.Unavailable("cluster map " + map.getName() + ": " + cause.getMessage(), cause)
          : cause);
    });
  }
}
