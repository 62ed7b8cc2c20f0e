package io.berth.kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerRefsTest {
  record Thing(String id, String name) {}

  static final Thing A = new Thing("ab12" + "0".repeat(60), "web");
  static final Thing B = new Thing("ab34" + "0".repeat(60), "db");
  static final Thing C = new Thing("cd56" + "0".repeat(60), "ab12");
  static final List<Thing> ALL = List.of(A, B, C);

  static Thing container(String ref) {
    return DockerRefs.container(ALL, ref, Thing::id, Thing::name);
  }

  static Thing network(List<Thing> all, String ref) {
    return DockerRefs.network(all, ref, Thing::id, Thing::name);
  }

  static void fails(int status, String message, Runnable r) {
    BerthException e = assertThrows(BerthException.class, r::run);
    assertEquals(status, e.status());
    assertEquals(message, e.getMessage());
  }

  @Test
  void containersByIdNameThenUniquePrefix() {
    assertEquals(A, container(A.id()));
    assertEquals(B, container("db"));
    assertEquals(B, container("/db"));
    assertEquals(C, container("ab12"), "a name wins over an id prefix");
    assertEquals(B, container("ab3"));
  }

  @Test
  void containersFailAsDockerDoes() {
    fails(400, "multiple IDs found with provided prefix: ab", () -> container("ab"));
    fails(404, "No such container: zz", () -> container("zz"));
    fails(400, "invalid name or ID supplied: \"\"", () -> container(""));
  }

  @Test
  void networksByIdNameThenUniquePrefix() {
    assertEquals(A, network(ALL, A.id()));
    assertEquals(A, network(ALL, "web"));
    assertEquals(C, network(ALL, "ab12"), "a name wins over an id prefix");
    assertEquals(C, network(ALL, "cd"));
  }

  @Test
  void networksFailAsDockerDoes() {
    fails(400, "network ab is ambiguous (2 matches found based on ID prefix)", () -> network(ALL, "ab"));
    fails(404, "network zz not found", () -> network(ALL, "zz"));
    Thing twin = new Thing("ef78" + "0".repeat(60), "web");
    fails(400, "network web is ambiguous (2 matches found on name)", () -> network(List.of(A, twin), "web"));
  }
}
