package io.berth.volume.events;

import static io.berth.volume.VolumeFixture.NODE;
import static io.berth.volume.VolumeFixture.created;
import static io.berth.volume.VolumeFixture.volumeMount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.events.volume.VolumeMounted;
import io.berth.volume.ContainerMounts;
import io.berth.volume.VolumeFixture;
import io.vertx.core.json.JsonArray;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The events verticle subscribes the consumer to the container events while it is deployed, and only then. */
class VolumeEventsVerticleTest {
  static final String C1 = "c1".repeat(32);
  static final String C2 = "c2".repeat(32);

  final VolumeFixture f = new VolumeFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void consumesContainerEventsWhileDeployed() {
    var consumer = new ContainerEventsConsumer(NODE, new ContainerMounts(f.controller, f.events), f.events);
    String id = f.vertx.deployVerticle(new VolumeEventsVerticle(f.bus, NODE, consumer)).await();
    f.bus.deliver(created(C1, NODE, new JsonArray().add(volumeMount("data", "/d")), new JsonArray())).await();
    assertEquals(List.of(C1), f.bus.published(VolumeMounted.class).stream().map(VolumeMounted::containerId).toList());

    f.vertx.undeploy(id).await();
    f.bus.deliver(created(C2, NODE, new JsonArray().add(volumeMount("data", "/d")), new JsonArray())).await();
    assertEquals(1, f.bus.published(VolumeMounted.class).size(), "undeploying closed the subscription");
  }
}
