package io.berth.events;

import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.events.dns.DnsSandboxFailed;
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
import io.berth.events.network.SandboxFailed;
import io.berth.events.network.SandboxReady;
import io.berth.events.network.SandboxRemoved;
import io.berth.events.service.ServiceCreated;
import io.berth.events.service.ServiceRemoved;
import io.berth.events.service.ServiceUpdated;
import io.berth.events.service.TaskStarted;
import io.berth.events.service.TaskStopped;
import io.berth.events.volume.VolumeCreated;
import io.berth.events.volume.VolumeMountFailed;
import io.berth.events.volume.VolumeMounted;
import io.berth.events.volume.VolumeRemoved;
import io.berth.events.volume.VolumeUnmounted;
import io.berth.events.volume.VolumesPruned;
import java.util.HashMap;
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
  private static final Map<String, EventType> RENAMED = new LinkedHashMap<>();
  private static final Map<Class<? extends Record>, EventType> BY_DATA_CLASS = new HashMap<>();

  // inbound: event producers
  public static final EventType CONTAINER_CREATED =
      v1("io.berth.container.created", Topics.CONTAINER_EVENTS, ContainerCreated.class);
  public static final EventType CONTAINER_STARTED =
      v1("io.berth.container.started", Topics.CONTAINER_EVENTS, ContainerStarted.class);
  public static final EventType CONTAINER_STOPPED =
      v1("io.berth.container.stopped", Topics.CONTAINER_EVENTS, ContainerStopped.class);
  public static final EventType CONTAINER_REMOVED =
      v1("io.berth.container.removed", Topics.CONTAINER_EVENTS, ContainerRemoved.class);
  public static final EventType SERVICE_CREATED =
      v1("io.berth.service.created", Topics.SERVICE_EVENTS, ServiceCreated.class);
  public static final EventType SERVICE_UPDATED =
      v1("io.berth.service.updated", Topics.SERVICE_EVENTS, ServiceUpdated.class);
  public static final EventType SERVICE_REMOVED =
      v1("io.berth.service.removed", Topics.SERVICE_EVENTS, ServiceRemoved.class);
  public static final EventType TASK_STARTED =
      v1("io.berth.service.task.started", Topics.SERVICE_EVENTS, TaskStarted.class);
  public static final EventType TASK_STOPPED =
      v1("io.berth.service.task.stopped", Topics.SERVICE_EVENTS, TaskStopped.class);
  // outbound: what berth did
  public static final EventType VOLUME_CREATED =
      v1("io.berth.volume.created", Topics.VOLUME_EVENTS, VolumeCreated.class);
  public static final EventType VOLUME_REMOVED =
      v1("io.berth.volume.removed", Topics.VOLUME_EVENTS, VolumeRemoved.class);
  public static final EventType VOLUME_MOUNTED =
      v1("io.berth.volume.mounted", Topics.VOLUME_EVENTS, VolumeMounted.class);
  public static final EventType VOLUME_UNMOUNTED =
      v1("io.berth.volume.unmounted", Topics.VOLUME_EVENTS, VolumeUnmounted.class);
  public static final EventType VOLUME_MOUNT_FAILED =
      v1("io.berth.volume.mount.failed", Topics.VOLUME_EVENTS, VolumeMountFailed.class);
  public static final EventType VOLUMES_PRUNED =
      v1("io.berth.volume.pruned", Topics.VOLUME_EVENTS, VolumesPruned.class);
  public static final EventType NETWORK_CREATED =
      v1("io.berth.network.network.created", Topics.NETWORK_EVENTS, NetworkCreated.class);
  public static final EventType NETWORK_REMOVED =
      v1("io.berth.network.network.removed", Topics.NETWORK_EVENTS, NetworkRemoved.class);
  public static final EventType SANDBOX_READY =
      v1("io.berth.network.sandbox.ready", Topics.NETWORK_EVENTS, SandboxReady.class);
  public static final EventType SANDBOX_FAILED =
      v1("io.berth.network.sandbox.failed", Topics.NETWORK_EVENTS, SandboxFailed.class);
  public static final EventType SANDBOX_REMOVED =
      v1("io.berth.network.sandbox.removed", Topics.NETWORK_EVENTS, SandboxRemoved.class);
  public static final EventType ENDPOINT_JOINED =
      v1("io.berth.network.endpoint.joined", Topics.NETWORK_EVENTS, EndpointJoined.class);
  public static final EventType ENDPOINT_LEFT =
      v1("io.berth.network.endpoint.left", Topics.NETWORK_EVENTS, EndpointLeft.class);
  public static final EventType PORTS_PUBLISHED =
      v1("io.berth.network.ports.published", Topics.NETWORK_EVENTS, PortsPublished.class);
  public static final EventType PORTS_UNPUBLISHED =
      v1("io.berth.network.ports.unpublished", Topics.NETWORK_EVENTS, PortsUnpublished.class);
  public static final EventType HOST_RECONCILED =
      v1("io.berth.network.host.reconciled", Topics.NETWORK_EVENTS, HostReconciled.class);
  public static final EventType DNS_SANDBOX_CONFIGURED =
      v1("io.berth.dns.sandbox.configured", Topics.DNS_EVENTS, DnsSandboxConfigured.class);
  public static final EventType DNS_SANDBOX_FAILED =
      v1("io.berth.dns.sandbox.failed", Topics.DNS_EVENTS, DnsSandboxFailed.class);
  public static final EventType LOGGING_ATTACHED =
      v1("io.berth.logging.container.attached", Topics.LOGGING_EVENTS, LoggingAttached.class);
  public static final EventType LOG_LINES_DROPPED =
      v1("io.berth.logging.lines.dropped", Topics.LOGGING_EVENTS, LogLinesDropped.class);
  public static final EventType LOG_SINK_RECOVERED =
      v1("io.berth.logging.sink.recovered", Topics.LOGGING_EVENTS, LogSinkRecovered.class);
  public static final EventType LOG_CONFIG_REJECTED =
      v1("io.berth.logging.config.rejected", Topics.LOGGING_EVENTS, LogConfigRejected.class);
  public static final EventType INGRESS_PROGRAMMED =
      v1("io.berth.ingress.service.programmed", Topics.INGRESS_EVENTS, IngressProgrammed.class);
  public static final EventType INGRESS_REMOVED =
      v1("io.berth.ingress.service.removed", Topics.INGRESS_EVENTS, IngressRemoved.class);

  // Names that broke io.berth.<domain>.<entity>.<verb>: still decoded (to the same record) for one version, so
  // events a producer or an older node wrote keep their meaning; nothing publishes them any more.
  static {
    renamed("io.berth.logging.attached", LOGGING_ATTACHED);
    renamed("io.berth.task.started", TASK_STARTED);
    renamed("io.berth.task.stopped", TASK_STOPPED);
  }

  private EventCatalog() {
  }

  /** The type named {@code type}, if berth knows it. */
  public static Optional<EventType> find(String type) {
    EventType t = TYPES.get(type);
    return Optional.ofNullable(t != null ? t : RENAMED.get(type));
  }

  /** The current type a renamed one became, if {@code type} is an old name still decoded. */
  public static Optional<EventType> renamedTo(String type) {
    EventType old = RENAMED.get(type);
    return old == null ? Optional.empty() : forDataClass(old.dataClass());
  }

  /**
   * The type named {@code type}.
   *
   * @throws IllegalArgumentException when berth does not know it
   */
  public static EventType require(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
  }

  /** Every type producers publish now, inbound first, in a stable order. */
  public static List<EventType> all() {
    return List.copyOf(TYPES.values());
  }

  /** The old names still decoded, each with its data class and its own (old) schema. */
  public static List<EventType> renamed() {
    return List.copyOf(RENAMED.values());
  }

  /** The type whose data is {@code dataClass}, if one is. */
  public static Optional<EventType> forDataClass(Class<? extends Record> dataClass) {
    return Optional.ofNullable(BY_DATA_CLASS.get(dataClass));
  }

  /** {@code schemas/<domain>/<rest>.json} for {@code io.berth.<domain>.<rest>}. */
  static String schemaResourceOf(String type) {
    String rest = type.substring(PREFIX.length());
    int dot = rest.indexOf('.');
    return "schemas/" + rest.substring(0, dot) + "/" + rest.substring(dot + 1) + ".json";
  }

  private static EventType v1(String type, String topic, Class<? extends Record> dataClass) {
    EventType t = new EventType(type, topic, 1, List.of(1), dataClass, schemaResourceOf(type));
    TYPES.put(type, t);
    if (BY_DATA_CLASS.putIfAbsent(dataClass, t) != null) {
      throw new IllegalStateException(dataClass.getSimpleName() + " is the data of two event types");
    }
    return t;
  }

  private static void renamed(String oldType, EventType now) {
    RENAMED.put(oldType, new EventType(oldType, now.topic(), 1, List.of(1), now.dataClass(),
        schemaResourceOf(oldType)));
  }
}
