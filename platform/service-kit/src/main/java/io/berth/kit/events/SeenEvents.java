package io.berth.kit.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently handled event ids of one subscription, so a redelivered event (same source and id)
 * is skipped. Bounded and in memory: it catches redeliveries within a process, not across restarts,
 * which is why handlers must also be idempotent on their state.
 */
final class SeenEvents {

  private final Map<String, Boolean> recent;

  SeenEvents(int capacity) {
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(String key) {
    return recent.containsKey(key);
  }

  synchronized void add(String key) {
    recent.put(key, Boolean.TRUE);
  }
}
