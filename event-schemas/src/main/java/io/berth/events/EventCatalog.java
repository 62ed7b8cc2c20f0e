package io.berth.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.events.ingress.IngressProgrammed;
import io.berth.events.ingress.IngressRemoved;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LogLinesDropped;
import io.berth.events.logging.LogSinkRecovered;
import io.berth.events.logging.LoggingAttached;
import io.berth.events.network.EndpointJoined;
import io.berth.events.network.EndpointLeft;
import io.berth.events.network.HostReconciled;
import io.berth.events.network.NetworkCreated;
import io.berth.events.network.NetworkRemoved;
import io.berth.events.network.PortsPublished;
import io.berth.events.network.PortsUnpublished;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.SandboxRemoved;
import io.berth.events.service.ServiceCreated;
import io.berth.events.service.ServiceRemoved;
import io.berth.events.service.ServiceUpdated;
import io.berth.events.service.TaskStarted;
import io.berth.events.service.TaskStopped;
import io.berth.events.volume.VolumeCreated;
import io.berth.events.volume.VolumeMounted;
import io.berth.events.volume.VolumeRemoved;
import io.berth.events.volume.VolumeUnmounted;
import io.berth.events.volume.VolumesPruned;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every CloudEvent type berth publishes or consumes, with its topic, version and schema.
 *
 * <p>The schema of {@code io.berth.<domain>.<rest>} is the classpath resource
 * {@code schemas/<domain>/<rest>.json}. A breaking change raises {@code version} and keeps the old version in
 * {@code acceptedVersions} (its schema stays beside the new one as {@code <rest>.v<N>.json}) until no producer
 * sends it.
 */
public final class EventCatalog {

  private static final String PREFIX = "io.berth.";

  private static final Map<String, EventType> TYPES = new LinkedHashMap<>();

  static {
    // inbound: event producers
    v1("io.berth.container.created", Topics.CONTAINER_EVENTS, ContainerCreated.class);
    v1("io.berth.container.started", Topics.CONTAINER_EVENTS, ContainerStarted.class);
    v1("io.berth.container.stopped", Topics.CONTAINER_EVENTS, ContainerStopped.class);
    v1("io.berth.container.removed", Topics.CONTAINER_EVENTS, ContainerRemoved.class);
    v1("io.berth.service.created", Topics.SERVICE_EVENTS, ServiceCreated.class);
    v1("io.berth.service.updated", Topics.SERVICE_EVENTS, ServiceUpdated.class);
    v1("io.berth.service.removed", Topics.SERVICE_EVENTS, ServiceRemoved.class);
    v1("io.berth.task.started", Topics.SERVICE_EVENTS, TaskStarted.class);
    v1("io.berth.task.stopped", Topics.SERVICE_EVENTS, TaskStopped.class);
    // outbound: what berth did
    v1("io.berth.volume.created", Topics.VOLUME_EVENTS, VolumeCreated.class);
    v1("io.berth.volume.removed", Topics.VOLUME_EVENTS, VolumeRemoved.class);
    v1("io.berth.volume.mounted", Topics.VOLUME_EVENTS, VolumeMounted.class);
    v1("io.berth.volume.unmounted", Topics.VOLUME_EVENTS, VolumeUnmounted.class);
    v1("io.berth.volume.pruned", Topics.VOLUME_EVENTS, VolumesPruned.class);
    v1("io.berth.network.network.created", Topics.NETWORK_EVENTS, NetworkCreated.class);
    v1("io.berth.network.network.removed", Topics.NETWORK_EVENTS, NetworkRemoved.class);
    v1("io.berth.network.sandbox.ready", Topics.NETWORK_EVENTS, SandboxReady.class);
    v1("io.berth.network.sandbox.removed", Topics.NETWORK_EVENTS, SandboxRemoved.class);
    v1("io.berth.network.endpoint.joined", Topics.NETWORK_EVENTS, EndpointJoined.class);
    v1("io.berth.network.endpoint.left", Topics.NETWORK_EVENTS, EndpointLeft.class);
    v1("io.berth.network.ports.published", Topics.NETWORK_EVENTS, PortsPublished.class);
    v1("io.berth.network.ports.unpublished", Topics.NETWORK_EVENTS, PortsUnpublished.class);
    v1("io.berth.network.host.reconciled", Topics.NETWORK_EVENTS, HostReconciled.class);
    v1("io.berth.dns.sandbox.configured", Topics.DNS_EVENTS, DnsSandboxConfigured.class);
    v1("io.berth.logging.attached", Topics.LOGGING_EVENTS, LoggingAttached.class);
    v1("io.berth.logging.lines.dropped", Topics.LOGGING_EVENTS, LogLinesDropped.class);
    v1("io.berth.logging.sink.recovered", Topics.LOGGING_EVENTS, LogSinkRecovered.class);
    v1("io.berth.logging.config.rejected", Topics.LOGGING_EVENTS, LogConfigRejected.class);
    v1("io.berth.ingress.service.programmed", Topics.INGRESS_EVENTS, IngressProgrammed.class);
    v1("io.berth.ingress.service.removed", Topics.INGRESS_EVENTS, IngressRemoved.class);
  }

  private EventCatalog() {
  }

  /** The type named {@code type}, if berth knows it. */
  public static Optional<EventType> find(String type) {
    return Optional.ofNullable(TYPES.get(type));
  }

  /**
   * The type named {@code type}.
   *
   * @throws IllegalArgumentException when berth does not know it
   */
  public static EventType require(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
  }

  /** Every type, inbound first, in a stable order. */
  public static List<EventType> all() {
    return List.copyOf(TYPES.values());
  }

  /** The type whose data is {@code dataClass}, if one is. */
  public static Optional<EventType> forDataClass(Class<? extends Record> dataClass) {
    return TYPES.values().stream().filter(t -> t.dataClass() == dataClass).findFirst();
  }

  /** {@code schemas/<domain>/<rest>.json} for {@code io.berth.<domain>.<rest>}. */
  static String schemaResourceOf(String type) {
    String rest = type.substring(PREFIX.length());
    int dot = rest.indexOf('.');
    return "schemas/" + rest.substring(0, dot) + "/" + rest.substring(dot + 1) + ".json";
  }

  private static void v1(String type, String topic, Class<? extends Record> dataClass) {
    TYPES.put(type, new EventType(type, topic, 1, List.of(1), dataClass, schemaResourceOf(type)));
  }
}
