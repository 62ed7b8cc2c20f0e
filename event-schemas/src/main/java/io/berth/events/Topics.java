package io.berth.events;

import java.util.List;
import java.util.Objects;

/**
 * The Kafka topics berth uses. Every node creates them at start (with the configured partition count), so
 * this list is the single place a new topic is declared.
 *
 * <p>{@code berth.<domain>.events} carry CloudEvents (facts, kept by time). {@code berth.<domain>.state} are
 * compacted: the owner of a domain writes each resource under its id (tombstone on delete) and rebuilds its
 * cluster maps from them on a cold start. {@link #LOGS_INGEST} carries raw log lines, not CloudEvents.
 */
public final class Topics {

  /** Inbound container lifecycle from event producers ({@code io.berth.container.*}). */
  public static final String CONTAINER_EVENTS = "berth.container.events";
  /** Inbound swarm service and task lifecycle ({@code io.berth.service.*}, {@code io.berth.task.*}). */
  public static final String SERVICE_EVENTS = "berth.service.events";
  public static final String VOLUME_EVENTS = "berth.volume.events";
  public static final String NETWORK_EVENTS = "berth.network.events";
  public static final String DNS_EVENTS = "berth.dns.events";
  public static final String LOGGING_EVENTS = "berth.logging.events";
  public static final String INGRESS_EVENTS = "berth.ingress.events";
  /** Raw container output lines, key = container id, value = the line; not CloudEvents. */
  public static final String LOGS_INGEST = "berth.logs.ingest";
  /** Events a consumer could not handle, with the error; they never block their partition. */
  public static final String DEADLETTER = "berth.deadletter";

  public static final String CONTAINER_STATE = "berth.container.state";
  public static final String VOLUME_STATE = "berth.volume.state";
  public static final String NETWORK_STATE = "berth.network.state";
  public static final String DNS_STATE = "berth.dns.state";
  public static final String LOGGING_STATE = "berth.logging.state";
  public static final String INGRESS_STATE = "berth.ingress.state";

  private static final List<TopicSpec> ALL = List.of(
      TopicSpec.events(CONTAINER_EVENTS),
      TopicSpec.events(SERVICE_EVENTS),
      TopicSpec.events(VOLUME_EVENTS),
      TopicSpec.events(NETWORK_EVENTS),
      TopicSpec.events(DNS_EVENTS),
      TopicSpec.events(LOGGING_EVENTS),
      TopicSpec.events(INGRESS_EVENTS),
      TopicSpec.events(LOGS_INGEST),
      TopicSpec.events(DEADLETTER),
      TopicSpec.state(CONTAINER_STATE),
      TopicSpec.state(VOLUME_STATE),
      TopicSpec.state(NETWORK_STATE),
      TopicSpec.state(DNS_STATE),
      TopicSpec.state(LOGGING_STATE),
      TopicSpec.state(INGRESS_STATE));

  private Topics() {
  }

  /** Every topic berth creates at start, events topics first. */
  public static List<TopicSpec> all() {
    return ALL;
  }

  /** The topics whose records are CloudEvents: every non-compacted topic except {@link #LOGS_INGEST}. */
  public static List<TopicSpec> cloudEventTopics() {
    return ALL.stream().filter(t -> !t.compacted() && !t.name().equals(LOGS_INGEST)).toList();
  }

  /**
   * One topic.
   *
   * @param name      the topic name
   * @param compacted true for {@code berth.<domain>.state} ({@code cleanup.policy=compact})
   */
  public record TopicSpec(String name, boolean compacted) {

    public TopicSpec {
      Objects.requireNonNull(name, "name");
    }

    static TopicSpec events(String name) {
      return new TopicSpec(name, false);
    }

    static TopicSpec state(String name) {
      return new TopicSpec(name, true);
    }
  }
}
