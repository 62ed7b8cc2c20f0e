package io.berth.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DockerFiltersTest {

  private static String invalid(Executable e) {
    return assertThrows(BerthException.InvalidRequest.class, e).getMessage();
  }

  @Test
  void nullOrBlankIsNoFilter() {
    assertSame(DockerFilters.none(), DockerFilters.parse(null));
    assertSame(DockerFilters.none(), DockerFilters.parse(" "));
    assertEquals(Set.of(), DockerFilters.parse("").keys());
    assertEquals(List.of(), DockerFilters.none().get("label"));
    assertFalse(DockerFilters.none().has("label"));
    assertNull(DockerFilters.none().bool("dangling"));
  }

  @Test
  void readsTheApiListForm() {
    DockerFilters f = DockerFilters.parse("{\"name\":[\"vol\", \"bus\"],\"driver\":[\"local\"]}");
    assertEquals(List.of("vol", "bus"), f.get("name"));
    assertEquals(List.of("local"), f.get("driver"));
    assertTrue(f.has("name"));
    assertFalse(f.has("label"));
  }

  @Test
  void readsTheCliMapOfBoolForm() {
    DockerFilters f = DockerFilters.parse("{\"label\":{\"env=prod\":true,\"team\":true,\"off\":false}}");
    assertEquals(List.of("env=prod", "team"), f.get("label"), "a value mapped to false is no value");
  }

  @Test
  void aKeyWithNoValuesIsGivenButEmpty() {
    DockerFilters f = DockerFilters.parse("{\"label\":{}}");
    assertEquals(Set.of("label"), f.keys());
    assertFalse(f.has("label"));
  }

  @Test
  void malformedFiltersAreDockersErrors() {
    assertTrue(invalid(() -> DockerFilters.parse("not json")).startsWith("invalid filter: "));
    assertEquals("invalid filter: [\"a\"]", invalid(() -> DockerFilters.parse("[\"a\"]")));
    assertEquals("invalid filter: {\"label\":\"a\"}", invalid(() -> DockerFilters.parse("{\"label\":\"a\"}")));
  }

  @Test
  void unknownKeysAreRefusedByName() {
    Set<String> keys = Set.of("dangling", "driver", "label", "name");
    assertEquals("invalid filter 'colour'", invalid(() -> DockerFilters.parse("{\"colour\":[\"red\"]}").allow(keys)));
    assertEquals("invalid filter 'nope'",
        invalid(() -> DockerFilters.parse("{\"label\":[\"a\"],\"nope\":[\"x\"],\"zz\":[\"y\"]}").allow(keys)),
        "the first unknown key in the order given");
    DockerFilters ok = DockerFilters.parse("{\"label\":[\"a\"]}");
    assertSame(ok, ok.allow(keys));
  }

  @Test
  void booleansInEveryDockerSpelling() {
    assertEquals(Boolean.TRUE, DockerFilters.parse("{\"dangling\":[\"true\"]}").bool("dangling"));
    assertEquals(Boolean.TRUE, DockerFilters.parse("{\"all\":[\"1\"]}").bool("all"));
    assertEquals(Boolean.TRUE, DockerFilters.parse("{\"all\":{\"TRUE\":true}}").bool("all"));
    assertEquals(Boolean.FALSE, DockerFilters.parse("{\"dangling\":{\"false\":true}}").bool("dangling"));
    assertEquals(Boolean.FALSE, DockerFilters.parse("{\"dangling\":[\"0\"]}").bool("dangling"));
    assertEquals(Boolean.TRUE, DockerFilters.parse("{\"dangling\":[\"false\",\"true\"]}").bool("dangling"),
        "several values: true when any is");
    assertEquals(List.of(false, true), DockerFilters.parse("{\"dangling\":[\"false\",\"1\"]}").bools("dangling"));
    assertEquals("invalid filter 'dangling=maybe'",
        invalid(() -> DockerFilters.parse("{\"dangling\":[\"maybe\"]}").bool("dangling")));
  }

  @Test
  void untilReadsDurationsUnixSecondsAndTimestamps() {
    Instant now = Instant.parse("2026-06-01T12:00:00Z");
    DockerFilters f = DockerFilters.parse("{\"until\":[\"1h\",\"90m\",\"1h30m\",\"1700000000\",\"2020-01-01T00:00:00Z\"]}");
    assertEquals(List.of(Instant.parse("2026-06-01T11:00:00Z"), Instant.parse("2026-06-01T10:30:00Z"),
        Instant.parse("2026-06-01T10:30:00Z"), Instant.ofEpochSecond(1_700_000_000L),
        Instant.parse("2020-01-01T00:00:00Z")), f.instants("until", now));
    assertEquals(List.of(), DockerFilters.none().instants("until", now));
    assertEquals("invalid filter 'until=soon'",
        invalid(() -> DockerFilters.parse("{\"until\":[\"soon\"]}").instants("until", now)));
  }

  @Test
  void labelExpressionsNeedTheLabelOrItsValue() {
    Map<String, String> prod = Map.of("env", "prod", "team", "a");
    Map<String, String> dev = Map.of("env", "dev");
    DockerFilters f = DockerFilters.parse("{\"label\":{\"env=prod\":true,\"team\":true}}");
    assertTrue(f.matchesAllLabels("label", prod));
    assertFalse(f.matchesAllLabels("label", dev));
    assertTrue(DockerFilters.parse("{\"label\":[\"env\"]}").matchesAllLabels("label", dev));
    assertTrue(DockerFilters.none().matchesAllLabels("label", Map.of()), "absent key: everything matches");
    assertTrue(DockerFilters.labelMatches(Map.of("k", ""), "k="), "an empty value is a value");
    assertFalse(DockerFilters.labelMatches(Map.of(), "k="));

    DockerFilters not = DockerFilters.parse("{\"label!\":[\"env=dev\",\"gone\"]}");
    assertTrue(not.matchesNoLabels("label!", prod));
    assertFalse(not.matchesNoLabels("label!", dev));
    assertFalse(not.matchesNoLabels("label!", Map.of("gone", "x")), "any negative expression matching excludes");
    assertTrue(DockerFilters.none().matchesNoLabels("label!", dev));
  }
}
