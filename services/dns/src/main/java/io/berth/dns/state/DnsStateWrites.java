package io.berth.dns.state;

import io.berth.kit.state.StateStore;
import io.vertx.core.Future;

/** Where this node writes its facts: the durable state and the cluster map (a seam for tests without them). */
public interface DnsStateWrites {
  Future<Void> put(String key, DnsState value);

  Future<Void> remove(String key);

  /** Writes through the service's state store. */
  static DnsStateWrites of(StateStore<DnsState> store) {
    return new DnsStateWrites() {
      @Override
      public Future<Void> put(String key, DnsState value) {
        return store.put(key, value);
      }

      @Override
      public Future<Void> remove(String key) {
        return store.remove(key);
      }
    };
  }
}
