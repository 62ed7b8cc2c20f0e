package io.berth.volume;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Claims in a map, without leases: what one cluster member would see. */
final class MemoryVolumeClaims implements VolumeClaims {
  final Map<String, String> held = new ConcurrentHashMap<>();

  @Override
  public Future<Boolean> tryClaim(String key, String holder) {
    return Future.succeededFuture(held.putIfAbsent(key, holder) == null);
  }

  @Override
  public Future<Void> release(String key, String holder) {
    held.remove(key, holder);
    return Future.succeededFuture();
  }
}
