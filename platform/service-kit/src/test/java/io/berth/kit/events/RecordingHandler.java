package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** A handler that counts calls per event id and lets a test wait for an event to be handled successfully. */
final class RecordingHandler implements EventHandler {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<CloudEvent>> handled = new ConcurrentHashMap<>();
  private final List<String> succeeded = new CopyOnWriteArrayList<>();
  private final BiFunction<CloudEvent, Integer, Future<Void>> behaviour;

  /** @param behaviour given the event and the number of this call for its id (1-based) */
  RecordingHandler(BiFunction<CloudEvent, Integer, Future<Void>> behaviour) {
    this.behaviour = behaviour;
  }

  static RecordingHandler succeeding() {
    return new RecordingHandler((e, n) -> Future.succeededFuture());
  }

  @Override
  public Future<Void> handle(CloudEvent event) {
    int call = calls.computeIfAbsent(event.getId(), k -> new AtomicInteger()).incrementAndGet();
    return behaviour.apply(event, call).onSuccess(v -> {
      succeeded.add(event.getId());
      future(event.getId()).complete(event);
    });
  }

  CloudEvent awaitHandled(String id) throws Exception {
    return future(id).get(30, TimeUnit.SECONDS);
  }

  int calls(String id) {
    AtomicInteger n = calls.get(id);
    return n == null ? 0 : n.get();
  }

  /** Ids in the order their handling succeeded, duplicates included. */
  List<String> succeeded() {
    return succeeded;
  }

  private CompletableFuture<CloudEvent> future(String id) {
    return handled.computeIfAbsent(id, k -> new CompletableFuture<>());
  }
}
