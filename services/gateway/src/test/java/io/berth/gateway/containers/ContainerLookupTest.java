package io.berth.gateway.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.events.container.ContainerCreated;
import io.berth.kit.errors.BerthException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerLookupTest {
  static ContainerView view(String id, String name) {
    return ContainerView.created(new ContainerCreated(id, name, "n1", "alpine", null, null, "2026-01-01T00:00:00Z",
        null, null, null, null, null, false, null, null, null, null, null, false, null, null, false, null, null));
  }

  final ContainerView c1 = view("ab" + "1".repeat(62), "c1");
  final ContainerView c2 = view("ac" + "2".repeat(62), "c2");
  final List<ContainerView> all = List.of(c1, c2);

  @Test
  void findsByIdNameAndUniquePrefix() {
    assertEquals(c1, ContainerLookup.find(all, c1.id()));
    assertEquals(c2, ContainerLookup.find(all, "c2"));
    assertEquals(c2, ContainerLookup.find(all, "/c2"));
    assertEquals(c1, ContainerLookup.find(all, "ab1"));
  }

  @Test
  void ambiguousAndUnknownAreDockersErrors() {
    BerthException ambiguous = assertThrows(BerthException.class, () -> ContainerLookup.find(all, "a"));
    assertEquals(400, ambiguous.status());
    BerthException missing = assertThrows(BerthException.class, () -> ContainerLookup.find(all, "c3"));
    assertEquals(404, missing.status());
    assertEquals("No such container: c3", missing.getMessage());
  }

  @Test
  void lifecycleMovesThroughDockersStates() {
    ContainerView running = c1.started(42, "2026-01-01T00:00:01Z");
    assertEquals("running", running.status());
    ContainerView exited = running.stopped(3, "2026-01-01T00:00:02Z");
    assertEquals("exited", exited.status());
    assertEquals(3, exited.exitCode());
    assertEquals(0, exited.pid());
  }
}
