package io.berth.network.cluster;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.Future;

/**
 * A map whose entries change only through entry processors, each run atomically on its key (DESIGN §4: allocation
 * is never read-modify-write). {@link HazelcastEntries} runs them on the key's owner in the cluster;
 * {@link LocalEntries} runs them in place, for what one node alone allocates in and for tests.
 */
public interface KeyedEntries<K, V> {
  /** Runs the processor on the key's entry (absent: a null value the processor may set); its result. */
  <R> Future<R> submit(K key, EntryProcessor<K, V, R> processor);

  /** Drops the entry. */
  Future<Void> remove(K key);
}
