package io.berth.kit.state;

import io.vertx.core.Future;
import java.util.List;

/**
 * The durable, shared state of one resource kind owned by a service (volumes, networks, ...): what the owner writes
 * here survives the node and is readable by every member. {@link KafkaStateStore} is the real one; controllers depend
 * on this interface so their unit tests can give them an in-memory store.
 *
 * <p>Changes to one id must come from one writer at a time (the owning service instance, e.g. the node a local volume
 * lives on): the store keeps their order, but two concurrent writers' updates may land in either order. Atomic
 * allocation belongs in entry processors of the cluster map, not here.
 *
 * @param <T> the resource type, a record or bean Jackson can map
 */
public interface StateStore<T> {

  /** Stores {@code value} under {@code id}; completes once it is durable and readable by every member. */
  Future<Void> put(String id, T value);

  /** Deletes {@code id}; completes once the deletion is durable. Removing a missing id succeeds. */
  Future<Void> remove(String id);

  /** The resource with this id, or null. */
  Future<T> get(String id);

  /** Every resource, of every member. */
  Future<List<T>> values();

  /** Where the store is kept durably (the compacted topic, e.g. {@code berth.volume.state}). */
  String topic();

  /** Decodes a stored JSON value; null stays null. */
  T decode(String json);

  /**
   * On a cold start, loads what was stored before, before the service accepts requests.
   *
   * @return the number of live resources
   */
  Future<Integer> rebuild();
}
