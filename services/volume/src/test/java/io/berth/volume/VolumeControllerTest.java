package io.berth.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.volume.VolumeCreated;
import io.berth.events.volume.VolumesPruned;
import io.berth.kit.errors.BerthException;
import io.berth.volume.domain.Volume;
import io.berth.volume.domain.VolumeSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The volumes of a node over in-memory host, store, claims and bus: Docker's rules, RefCounts, locks, prune. */
class VolumeControllerTest {
  static final String C1 = "c1".repeat(32);
  static final String C2 = "c2".repeat(32);
  static final Map<String, String> TMPFS = Map.of("type", "tmpfs", "device", "tmpfs");

  final VolumeFixture f = new VolumeFixture();
  final VolumeController volumes = f.controller;

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createIsIdempotentPerNameAndRefusesAnotherDriver() {
    Volume v = volumes.create(new VolumeSpec("data", null, Map.of(), Map.of("k", "v"))).await();
    assertEquals("local", v.driver());
    assertEquals(f.data("data").toString(), v.mountpoint());
    assertTrue(f.host.isDirectory(f.data("data")));
    assertEquals(v, volumes.create(new VolumeSpec("data", "local", Map.of(), Map.of())).await(), "the existing one");
    assertEquals(1, f.bus.published(VolumeCreated.class).size());
    assertEquals(List.of("data"), volumes.list(x -> true).await().stream().map(Volume::name).toList());
  }

  @Test
  void badInputChangesNothing() {
    var name = assertThrows(BerthException.InvalidRequest.class,
        () -> volumes.create(new VolumeSpec("x", null, Map.of(), Map.of())).await());
    assertTrue(name.getMessage().startsWith("create x: volume name is too short"), name.getMessage());
    var opt = assertThrows(BerthException.InvalidRequest.class,
        () -> volumes.create(new VolumeSpec("data", null, Map.of("foo", "1"), Map.of())).await());
    assertEquals("create data: invalid option: \"foo\"", opt.getMessage());
    var plugin = assertThrows(BerthException.NotFound.class,
        () -> volumes.create(new VolumeSpec("data", "nope", Map.of(), Map.of())).await());
    assertEquals("create data: error looking up volume plugin nope: plugin \"nope\" not found", plugin.getMessage());
    assertEquals(List.of(), f.store.ids());
    assertFalse(f.host.exists(f.local.dir("data")));
    assertEquals(List.of(), f.bus.published());
  }

  @Test
  void useCountsEachContainerOnceAndMountsOnFirstAndUnmountsOnLastUse() {
    volumes.create(new VolumeSpec("tmp", null, TMPFS, Map.of())).await();
    assertTrue(volumes.use("tmp", C1, "/a").await().changed());
    assertFalse(volumes.use("tmp", C1, "/a").await().changed(), "a replay");
    volumes.use("tmp", C2, "/b").await();
    assertEquals(2, f.volume("tmp").refCount());
    assertEquals(List.of("mount " + f.data("tmp")), f.host.calls);
    var inUse = assertThrows(BerthException.Conflict.class, () -> volumes.remove("tmp", true).await());
    assertEquals("remove tmp: volume is in use - [" + C1 + ", " + C2 + "]", inUse.getMessage());
    volumes.release("tmp", C1).await();
    assertTrue(f.host.isMounted(f.data("tmp")), "still used by c2");
    assertNull(volumes.release("tmp", C1).await(), "released already");
    volumes.release("tmp", C2).await();
    assertFalse(f.host.isMounted(f.data("tmp")));
    volumes.remove("tmp", false).await();
    assertFalse(f.host.exists(f.local.dir("tmp")));
  }

  @Test
  void pruneRemovesWhatTheSelectorPicksAmongUnusedVolumes() {
    for (int i = 0; i < 40; i++) {
      volumes.create(new VolumeSpec("v" + i, null, Map.of(), Map.of())).await();
    }
    volumes.use("v0", C1, "/x").await();
    var report = volumes.prune(v -> !v.inUse()).await();
    assertEquals(39, report.deleted().size());
    assertEquals(List.of("v0"), volumes.list(x -> true).await().stream().map(Volume::name).toList());
    assertEquals(1, f.bus.published(VolumesPruned.class).size());
  }

  @Test
  void eachBoundedRunsAtMostSoManyAtATime() {
    List<Promise<Void>> pending = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Future<Void> all = VolumeController.eachBounded(List.of(1, 2, 3, 4, 5, 6, 7), 3, i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      Promise<Void> p = Promise.promise();
      pending.add(p);
      return p.future().onComplete(x -> running.decrementAndGet());
    });
    while (!all.isComplete()) {
      pending.remove(0).complete();
    }
    assertTrue(all.succeeded());
    assertEquals(3, most.get());
    assertEquals(0, pending.size(), "every item ran once");
  }

  @Test
  void aVolumeClaimedByAnotherServiceWaitsForItsRelease() {
    f.claims.held.put(Volume.key(VolumeFixture.NODE, "busy"), "another volume service");
    Future<Volume> create = volumes.create(new VolumeSpec("busy", null, Map.of(), Map.of()));
    f.vertx.setTimer(200, t -> f.claims.held.remove(Volume.key(VolumeFixture.NODE, "busy")));
    assertEquals("busy", create.await().name());
    assertTrue(f.claims.held.isEmpty(), "the claim is given back");
  }
}
