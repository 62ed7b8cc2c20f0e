package io.berth.network.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.Mounts;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Netlink;
import io.berth.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spare sandbox namespaces on the real host, in a private run directory. */
@Tag("host")
class SpareNamespacesIT {
  @TempDir Path dir;
  Namespaces sandboxes;

  @AfterEach
  void cleanUp() {
    for (String n : sandboxes.list()) {
      sandboxes.delete(n);
    }
    sandboxes.releaseRunDir();
    assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().startsWith(dir)), "no mount left under " + dir);
  }

  @Test
  void sparesAreTakenWithLoopbackUpAndEverythingGoesAtClose() throws Exception {
    sandboxes = new Namespaces(dir.resolve("netns"));
    Path spareDir = dir.resolve("netns-spare");
    // a spare left by a run that crashed
    Namespaces leftovers = new Namespaces(spareDir);
    leftovers.create("spare-1-1");
    leftovers.releaseRunDir();

    SpareNamespaces spares = new SpareNamespaces(spareDir, sandboxes, 2);
    spares.start();
    assertFalse(Files.exists(spareDir.resolve("spare-1-1")), "leftovers removed at start");
    awaitSpares(spareDir, 2);

    Path taken = spares.take("c1");
    assertEquals(sandboxes.path("c1"), taken);
    try (NetnsHandle h = NetnsHandle.open(taken); Netlink nl = h.openNetlink()) {
      assertTrue(nl.find("lo").orElseThrow().isUp(), "lo is up in a taken namespace");
    }
    SpareNamespaces.Opened opened = spares.claim(taken);
    assertNotNull(opened, "the spare's thread and socket come with it");
    assertTrue(opened.netlink().find("lo").isPresent());
    opened.close();
    assertNull(spares.claim(taken), "claimed once");
    awaitSpares(spareDir, 2);

    sandboxes.create("c2");
    HostException taken2 = assertThrows(HostException.class, () -> spares.take("c2"));
    assertEquals(Errno.EEXIST, taken2.errno());
    assertEquals(2, list(spareDir).size(), "a refused take keeps its spare");

    spares.release(taken);
    spares.close();
    assertEquals(List.of(), list(spareDir), "no spare outlives close");
    assertTrue(Mounts.list().stream().noneMatch(m -> m.mountPoint().startsWith(spareDir)));
    assertEquals(List.of("c1", "c2"), sandboxes.list(), "taken namespaces belong to their sandboxes");
  }

  private static List<String> list(Path d) throws Exception {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void awaitSpares(Path d, int n) throws Exception {
    Await.until(n + " spare namespaces", Duration.ofSeconds(10), () -> list(d).size(), size -> size >= n);
    assertEquals(n, list(d).size());
  }
}
