package io.berth.volume;

import io.berth.events.BerthEvents;
import io.berth.kit.tracing.HostOps;
import io.berth.volume.domain.Volume;
import io.berth.volume.driver.DriverRegistry;
import io.berth.volume.driver.LocalDriver;
import io.berth.volume.events.VolumeEvents;
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
  public final MemoryVolumeStore store = new MemoryVolumeStore();
  public final MemoryVolumeClaims claims = new MemoryVolumeClaims();
  public final RecordingEventBus bus = new RecordingEventBus();
  public final LocalDriver local = new LocalDriver(ROOT, new HostOps(vertx, OpenTelemetry.noop()), host);
  public final DriverRegistry drivers = new DriverRegistry(vertx, local, List.of(Path.of("/berth-test/no-plugins")));
  public final VolumeEvents events = new VolumeEvents(bus, NODE);
  public final VolumeController controller = new VolumeController(vertx, NODE, store, drivers, events, claims);

  public Volume volume(String name) {
    return store.records.get(Volume.key(NODE, name));
  }

  public Path data(String name) {
    return local.dataPath(name);
  }

  /** {@code io.berth.container.created} of {@code id} on node {@code node} with {@code mounts}. */
  public static CloudEvent created(String id, String node, JsonArray mounts, JsonArray anonymous) {
    JsonObject data = new JsonObject().put("id", id).put("name", "web").put("node", node).put("image", "alpine")
        .put("createdAt", "2026-11-27T18:00:00Z").put("networkMode", "none").put("mounts", mounts)
        .put("anonymousVolumes", anonymous);
    return BerthEvents.create("io.berth.container.created", "urn:test", id, data.encode().getBytes());
  }

  public static CloudEvent removed(String id, String node, boolean removeVolumes) {
    JsonObject data = new JsonObject().put("id", id).put("node", node).put("removeVolumes", removeVolumes);
    return BerthEvents.create("io.berth.container.removed", "urn:test", id, data.encode().getBytes());
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
