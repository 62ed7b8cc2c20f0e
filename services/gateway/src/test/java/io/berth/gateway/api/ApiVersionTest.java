package io.berth.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiVersionTest {
  @Test
  void stripsEveryVersionFromMinToMax() {
    for (int minor = 24; minor <= 51; minor++) {
      ApiVersion.Versioned v = ApiVersion.strip("/v1." + minor + "/volumes/myvol");
      assertEquals(Optional.of(new ApiVersion(1, minor)), v.version());
      assertEquals("/volumes/myvol", v.path());
    }
  }

  @Test
  void unversionedPathsPassThrough() {
    ApiVersion.Versioned v = ApiVersion.strip("/_ping");
    assertTrue(v.version().isEmpty());
    assertEquals("/_ping", v.path());
    assertEquals("/", ApiVersion.strip("/v1.41").path());
  }

  @Test
  void refusesVersionsOutsideTheRangeWithDockerdsWords() {
    BerthException old = assertThrows(BerthException.class, () -> ApiVersion.strip("/v1.20/version"));
    assertEquals(400, old.status());
    assertEquals("client version 1.20 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version",
        old.getMessage());
    BerthException young = assertThrows(BerthException.class, () -> ApiVersion.strip("/v1.52/info"));
    assertEquals("client version 1.52 is too new. Maximum supported API version is 1.51", young.getMessage());
    assertThrows(BerthException.class, () -> ApiVersion.strip("/v2.0/info"));
  }

  @Test
  void comparesNumerically() {
    assertTrue(ApiVersion.parse("1.9").compareTo(ApiVersion.parse("1.10")) < 0);
    assertThrows(BerthException.InvalidRequest.class, () -> ApiVersion.parse("1.x"));
  }

  @Test
  void aVersionTooBigForANumberIsABadRequestNotABug() {
    io.berth.kit.errors.BerthException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.berth.kit.errors.BerthException.InvalidRequest.class, () -> ApiVersion.strip("/v99999999999.1/info"));
    org.junit.jupiter.api.Assertions.assertEquals(400, e.status());
  }
}
