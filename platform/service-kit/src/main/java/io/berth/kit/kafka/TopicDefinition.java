package io.berth.kit.kafka;

import java.util.Objects;

/**
 * A topic berth needs. The catalog lives in event-schemas ({@code Topics.all()}); this record keeps the
 * Kafka layer independent of it: {@code new TopicDefinition(spec.name(), spec.compacted())}.
 *
 * @param name      the topic name, e.g. {@code berth.volume.events}
 * @param compacted true for {@code berth.<domain>.state} topics ({@code cleanup.policy=compact})
 */
public record TopicDefinition(String name, boolean compacted) {

  public TopicDefinition {
    Objects.requireNonNull(name, "name");
  }

  /** A topic of facts, kept by time. */
  public static TopicDefinition events(String name) {
    return new TopicDefinition(name, false);
  }

  /** A compacted topic keeping the last value per key. */
  public static TopicDefinition state(String name) {
    return new TopicDefinition(name, true);
  }
}
