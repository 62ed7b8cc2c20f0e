package io.berth.volume;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.container.ContainerRemoved;
import io.berth.kit.tracing.HostOps;
import io.berth.testing.fakes.MemoryEventBus;
import io.berth.testing.fakes.MemoryStateStore;
import io.berth.volume.domain.Volume;
import io.berth.volume.driver.DriverRegistry;
import io.berth.volume.driver.LocalDriver;
import io.berth.volume.events.VolumeEventsPublisher;
import io.berth.volume.host.MemoryVolumeHost;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * A volume controller of node {@code n1} over in-memory fakes of the host, the state store, the cluster claims and
 * the event bus: no root, Kafka or Hazelcast. Plugins are looked up in an empty directory, so none exists.
 */
public final class VolumeFixture implements AutoCloseable {
  public static final String NODE = "n1";
  public static final Path ROOT = Path.of("/berth-test/volumes");

  public final Vertx vertx = Vertx.vertx();
  public final MemoryVolumeHost host = new MemoryVolumeHost();
  public final MemoryStateStore<Volume> store = new MemoryStateStore<>(Volume.class);
  public final MemoryVolumeClaims claims = new MemoryVolumeClaims();
  public final MemoryEventBus bus = new MemoryEventBus();
  public final LocalDriver local = new LocalDriver(ROOT, new HostOps(vertx, OpenTelemetry.noop()), host);
  public final DriverRegistry drivers = new DriverRegistry(vertx, local, List.of(Path.of("/berth-test/no-plugins")));
  public final VolumeEventsPublisher events = new VolumeEventsPublisher(bus, NODE);
  public final VolumeController controller = new VolumeController(vertx, NODE, store, drivers, events, claims);

  public Volume volume(String name) {
    return store.value(Volume.key(NODE, name)).orElse(null);
  }

  public Path data(String name) {
    return local.dataPath(name);
  }

  /** {@code io.berth.container.created} of {@code id} on node {@code node} with {@code mounts}. */
  public static CloudEvent created(String id, String node, JsonArray mounts, JsonArray anonymous) {
    JsonObject data = new JsonObject().put("id", id).put("name", "web").put("node", node).put("image", "alpine")
        .put("createdAt", "2026-11-27T18:00:00Z").put("networkMode", "none").put("mounts", mounts)
        .put("anonymousVolumes", anonymous);
    return BerthEvents.create(EventCatalog.CONTAINER_CREATED.type(), "urn:test", id, data.encode().getBytes());
  }

  public static CloudEvent removed(String id, String node, boolean removeVolumes) {
    return BerthEvents.create("urn:test", id, new ContainerRemoved(id, node, removeVolumes));
  }

  public static JsonObject volumeMount(String source, String target) {
    return new JsonObject().put("type", "volume").put("source", source).put("target", target);
  }

  public static JsonObject volumeMount(String source, String target, JsonObject volumeOptions) {
    return volumeMount(source, target).put("volumeOptions", volumeOptions);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
