package io.berth.volume.events;

import static io.berth.volume.VolumeFixture.NODE;
import static io.berth.volume.VolumeFixture.created;
import static io.berth.volume.VolumeFixture.removed;
import static io.berth.volume.VolumeFixture.volumeMount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.berth.events.volume.VolumeMountFailed;
import io.berth.kit.errors.BerthException;
import io.berth.volume.ContainerMounts;
import io.berth.volume.VolumeFixture;
import io.berth.volume.domain.VolumeSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Container events drive mounts: created mounts every volume or none, removed releases them; no root needed. */
class ContainerEventsConsumerTest {
  static final String C1 = "c1".repeat(32);
  static final String C2 = "c2".repeat(32);

  final VolumeFixture f = new VolumeFixture();
  final ContainerEventsConsumer consumer = new ContainerEventsConsumer(NODE, new ContainerMounts(f.controller, f.events), f.events);

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createdMountsEachVolumeOnceAndRemovedReleasesIt() {
    f.controller.create(new VolumeSpec("tmp", "local", Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())).await();
    var event = created(C1, NODE, new JsonArray().add(volumeMount("tmp", "/t")).add(volumeMount("named", "/n")),
        new JsonArray().add("/cache"));
    consumer.handler().handle(event).await();
    consumer.handler().handle(event).await(); // a replay counts nothing twice
    assertEquals(1, f.volume("tmp").refCount());
    assertEquals(1, f.volume("named").refCount(), "a mount naming a missing volume creates it");
    assertEquals(Map.of(C1, "/t"), f.volume("tmp").users());
    assertEquals(List.of("mount " + f.data("tmp")), f.host.calls, "mounted on first use only");
    assertEquals(3, f.controller.usedBy(C1).await().size(), "with the anonymous volume");

    consumer.handler().handle(removed(C1, NODE, true)).await();
    assertEquals(0, f.volume("tmp").refCount());
    assertEquals(0, f.volume("named").refCount());
    assertEquals(List.of(), f.controller.usedBy(C1).await());
    assertEquals(2, f.controller.list(v -> true).await().size(), "the anonymous volume went with its container");
    assertTrue(f.host.mounted().isEmpty(), "the last user leaving unmounts");
    assertEquals(3, f.bus.publishedTypes().stream().filter("io.berth.volume.unmounted"::equals).count());
  }

  @Test
  void eventsOfOtherNodesChangeNothing() {
    consumer.handler().handle(created(C1, "n2", new JsonArray().add(volumeMount("other", "/o")), new JsonArray())).await();
    assertNull(f.volume("other"));
    assertEquals(List.of(), f.bus.published());
  }

  @Test
  void aBadSubpathTakesNothingAndUndoesWhatWasMounted() {
    f.controller.create(new VolumeSpec("good", "local", Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())).await();
    f.controller.create(new VolumeSpec("sub", "local", Map.of(), Map.of())).await();
    var event = created(C1, NODE, new JsonArray().add(volumeMount("good", "/g"))
        .add(volumeMount("sub", "/s", new JsonObject().put("subpath", "../etc"))), new JsonArray());
    consumer.handler().handle(event).await(); // handled: a refusal is a fact, not a dead letter
    assertEquals(0, f.volume("sub").refCount(), "the volume with the bad subpath is not counted");
    assertEquals(0, f.volume("good").refCount(), "the volume before it is given back");
    assertTrue(f.host.mounted().isEmpty(), "nothing stays mounted");
    long mounted = f.bus.publishedTypes().stream().filter("io.berth.volume.mounted"::equals).count();
    long unmounted = f.bus.publishedTypes().stream().filter("io.berth.volume.unmounted"::equals).count();
    assertEquals(mounted, unmounted, "every volume.mounted that went out is taken back: " + f.bus.publishedTypes());
    assertEquals(List.of(new VolumeMountFailed(C1, NODE, "sub", 400,
        "subpath must be a relative path within the volume: ../etc")), f.bus.published(VolumeMountFailed.class));
    assertEquals(List.of(), f.host.calls, "the subpath is checked before the first mount");
  }

  @Test
  void aMountErrorGivesBackTheVolumesBeforeIt() {
    f.controller.create(new VolumeSpec("first", "local", Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())).await();
    f.controller.create(new VolumeSpec("broken", "local", Map.of("type", "nfs", "device", ":/x"), Map.of())).await();
    f.host.failMountsOn(f.data("broken"));
    var event = created(C1, NODE, new JsonArray().add(volumeMount("first", "/f")).add(volumeMount("broken", "/b")),
        new JsonArray());
    consumer.handler().handle(event).await(); // handled: a refusal is a fact, not a dead letter
    assertEquals(0, f.volume("first").refCount());
    assertEquals(0, f.volume("broken").refCount());
    assertTrue(f.host.mounted().isEmpty(), f.host.mounted().toString());
    long mounted = f.bus.publishedTypes().stream().filter("io.berth.volume.mounted"::equals).count();
    long unmounted = f.bus.publishedTypes().stream().filter("io.berth.volume.unmounted"::equals).count();
    assertEquals(1, mounted, f.bus.publishedTypes().toString());
    assertEquals(mounted, unmounted, "every volume.mounted that went out is taken back: " + f.bus.publishedTypes());
    List<VolumeMountFailed> failed = f.bus.published(VolumeMountFailed.class);
    assertEquals(1, failed.size());
    assertEquals("broken", failed.get(0).volume());
    assertEquals(500, failed.get(0).status());
    assertTrue(failed.get(0).message().startsWith("error while mounting volume '" + f.data("broken")), failed.toString());
  }

  @Test
  void aBadNameIsRefusedWithDockersMessage() {
    consumer.handler().handle(created(C1, NODE, new JsonArray().add(volumeMount("ok", "/ok")).add(volumeMount("b@d", "/b")),
        new JsonArray())).await();
    assertNull(f.volume("ok"), "nothing is made before every name is checked");
    List<VolumeMountFailed> failed = f.bus.published(VolumeMountFailed.class);
    assertEquals(1, failed.size());
    assertEquals("b@d", failed.get(0).volume());
    assertEquals(400, failed.get(0).status());
    assertTrue(failed.get(0).message().startsWith("create b@d: \"b@d\" includes invalid characters"), failed.toString());
  }

  @Test
  void aTransientStoreErrorIsRetriedNotRefused() {
    f.controller.create(new VolumeSpec("first", "local", Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())).await();
    f.store.failNext(new BerthException.Unavailable("kafka not ready"));
    var e = assertThrows(BerthException.Unavailable.class, () -> consumer.handler()
        .handle(created(C1, NODE, new JsonArray().add(volumeMount("first", "/f")), new JsonArray())).await());
    assertEquals("kafka not ready", e.getMessage());
    assertEquals(List.of(), f.bus.published(VolumeMountFailed.class), "a retry may still succeed");
    assertEquals(0, f.volume("first").refCount());
    assertTrue(f.host.mounted().isEmpty(), "the mount made before the store refused is undone");
  }

  @Test
  void aMissingPluginIsFoundBeforeAnythingIsMounted() {
    f.controller.create(new VolumeSpec("first", "local", Map.of("type", "tmpfs", "device", "tmpfs"), Map.of())).await();
    JsonObject plugged = volumeMount("pvol", "/p").put("volumeDriver", "nope");
    consumer.handler().handle(created(C1, NODE, new JsonArray().add(volumeMount("first", "/f")).add(plugged), new JsonArray()))
        .await();
    assertEquals(List.of(), f.host.calls, "validated before the first mount");
    assertEquals(List.of(new VolumeMountFailed(C1, NODE, "pvol", 404,
        "create pvol: error looking up volume plugin nope: plugin \"nope\" not found")),
        f.bus.published(VolumeMountFailed.class));
    assertFalse(f.bus.publishedTypes().contains("io.berth.volume.mounted"), f.bus.publishedTypes().toString());
    assertEquals(0, f.volume("first").refCount());
  }

  @Test
  void theContainersVolumeDriverIsUsedWhereAMountNamesNone() {
    var event = created(C1, NODE, new JsonArray().add(volumeMount("pvol", "/p")), new JsonArray());
    JsonObject data = new JsonObject(new String(event.getData().toBytes())).put("volumeDriver", "nope");
    consumer.handler().handle(io.berth.events.BerthEvents.create(event.getType(), "urn:test", C1,
        data.encode().getBytes())).await();
    List<VolumeMountFailed> failed = f.bus.published(VolumeMountFailed.class);
    assertEquals(1, failed.size());
    assertEquals(404, failed.get(0).status());
    assertNull(f.volume("pvol"));
  }

  @Test
  void aRemovedContainerWithoutVolumesIsNoWarning() {
    Logger logger = (Logger) LoggerFactory.getLogger("io.berth.volume");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      consumer.handler().handle(removed(C2, NODE, true)).await();
    } finally {
      logger.detachAppender(logs);
    }
    assertEquals(List.of(), logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(ILoggingEvent::getFormattedMessage).toList(), "a container without volumes is the normal case");
  }
}
