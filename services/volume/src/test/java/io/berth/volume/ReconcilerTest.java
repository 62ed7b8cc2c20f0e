package io.berth.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.volume.domain.LocalOptions;
import io.berth.volume.domain.VolumeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The start-up pass over the disk, on the in-memory host: folders recreated, orphans reported, mounts by RefCount. */
class ReconcilerTest {
  static final String C1 = "c1".repeat(32);
  static final Map<String, String> TMPFS = Map.of("type", "tmpfs", "device", "tmpfs");

  final VolumeFixture f = new VolumeFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void recreatesMissingFoldersReportsOrphansAndMountsWhatIsUsed() {
    f.controller.create(new VolumeSpec("lost", null, Map.of(), Map.of())).await();
    f.controller.create(new VolumeSpec("used", null, TMPFS, Map.of())).await();
    f.controller.create(new VolumeSpec("idle", null, TMPFS, Map.of())).await();
    f.controller.use("used", C1, "/u").await();
    // what a reboot and a stray folder leave: nothing mounted, one folder gone, one nobody owns
    f.host.unmount(f.data("used"));
    f.host.deleteTree(f.local.dir("lost"));
    f.host.createDirectories(f.data("stray"));
    f.host.mount(LocalOptions.parse(TMPFS), f.local.dir("idle"), f.data("idle"));

    Reconciler.Report report = new Reconciler(f.controller, f.local).run().await();
    assertEquals(List.of("lost"), report.recreated());
    assertEquals(List.of("stray"), report.orphans());
    assertTrue(f.host.isDirectory(f.data("lost")));
    assertTrue(f.host.isDirectory(f.data("stray")), "an orphan is left in place");
    assertTrue(f.host.isMounted(f.data("used")), "a volume in use is mounted again");
    assertFalse(f.host.isMounted(f.data("idle")), "an unused one is not");
  }
}
