package io.berth.volume.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import io.berth.kit.http.DockerFilters;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class VolumeQueryTest {
  static Volume vol(String name, String driver, Map<String, String> labels, boolean used) {
    return new Volume(name, driver, "n1", "/d/" + name, "2026-01-01T00:00:00Z", labels, Map.of(),
        used ? Map.of("c".repeat(64), "/x") : Map.of(), null);
  }

  static final Volume NAMED = vol("myvol", "local", Map.of("env", "prod", "team", "a"), false);
  static final Volume USED = vol("busy", "local", Map.of("env", "dev"), true);
  static final Volume ANON = vol("f".repeat(64), "local", Map.of(Volume.ANONYMOUS_LABEL, ""), false);
  static final Volume PLUGIN = vol("plugged", "folderdriver", Map.of(), false);
  static final List<Volume> ALL = List.of(NAMED, USED, ANON, PLUGIN);

  static List<String> pick(Predicate<Volume> p) {
    return ALL.stream().filter(p).map(Volume::name).toList();
  }

  static List<String> list(String filters) {
    return pick(VolumeQuery.list(DockerFilters.parse(filters)));
  }

  static List<String> prune(String filters) {
    return pick(VolumeQuery.prune(DockerFilters.parse(filters)));
  }

  @Test
  void listFiltersInBothJsonForms() {
    assertEquals(List.of("myvol", "busy", ANON.name(), "plugged"), list(null));
    assertEquals(List.of("busy"), list("{\"dangling\":{\"false\":true}}"));
    assertEquals(List.of("myvol", ANON.name(), "plugged"), list("{\"dangling\":[\"true\"]}"));
    assertEquals(List.of("plugged"), list("{\"driver\":{\"folderdriver\":true}}"));
    assertEquals(List.of("myvol", "busy"), list("{\"label\":[\"env\"]}"));
    assertEquals(List.of("myvol"), list("{\"label\":{\"env=prod\":true,\"team\":true}}"));
    assertEquals(List.of("myvol"), list("{\"label\":[\"env:prod\"]}"));
    assertEquals(List.of("myvol", "busy"), list("{\"name\":[\"vol\", \"bus\"]}"));
    assertEquals(List.of("myvol"), list("{\"name\":{\"yvo\":true}}"));
  }

  @Test
  void badFiltersAreDockersErrors() {
    assertEquals("invalid filter 'colour'",
        assertThrows(BerthException.InvalidRequest.class, () -> list("{\"colour\":[\"red\"]}")).getMessage());
    assertEquals("invalid filter 'dangling=maybe'",
        assertThrows(BerthException.InvalidRequest.class, () -> list("{\"dangling\":[\"maybe\"]}")).getMessage());
    assertThrows(BerthException.InvalidRequest.class, () -> list("not json"));
  }

  @Test
  void pruneTakesUnusedAnonymousUnlessAll() {
    assertEquals(List.of(ANON.name()), prune(null));
    assertEquals(List.of("myvol", ANON.name(), "plugged"), prune("{\"all\":{\"true\":true}}"));
    assertEquals(List.of("myvol"), prune("{\"all\":[\"1\"],\"label\":[\"env=prod\"]}"));
    assertEquals(List.of(ANON.name(), "plugged"), prune("{\"all\":[\"true\"],\"label!\":[\"env\"]}"));
    assertEquals(List.of(), prune("{\"label\":[\"env\"]}"));
    assertThrows(BerthException.InvalidRequest.class, () -> prune("{\"dangling\":[\"true\"]}"));
  }
}
