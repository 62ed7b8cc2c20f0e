package io.berth.volume.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {
  private static String error(Map<String, String> opts) {
    return assertThrows(BerthException.InvalidRequest.class, () -> LocalOptions.parse(opts)).getMessage();
  }

  @Test
  void noOptionsIsAPlainDirectory() {
    assertFalse(LocalOptions.parse(Map.of()).mountsOnUse());
    assertFalse(LocalOptions.parse(null).mountsOnUse());
  }

  @Test
  void tmpfsAndBindAreMounts() {
    LocalOptions tmpfs = LocalOptions.parse(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=10m,uid=1000"));
    assertEquals("tmpfs", tmpfs.type());
    assertEquals("size=10m,uid=1000", tmpfs.o());
    assertTrue(tmpfs.needsMount());
    LocalOptions bind = LocalOptions.parse(Map.of("type", "none", "o", "bind", "device", "/srv/x"));
    assertTrue(bind.needsMount());
  }

  @Test
  void unknownKeysAreRejectedAsDockerDoes() {
    assertEquals("invalid option: \"foo\"", error(Map.of("foo", "bar")));
    assertEquals("invalid option: \"Type\"", error(Map.of("Type", "tmpfs", "device", "tmpfs")));
  }

  @Test
  void companionsAreRequired() {
    assertEquals("missing required option: \"type\"", error(Map.of("device", "tmpfs")));
    assertEquals("missing required option: \"device\"", error(Map.of("type", "tmpfs")));
    assertEquals("missing required option: \"device\"", error(Map.of("o", "size=1m")));
    assertEquals("missing required option: \"type\"", error(Map.of("o", "size=1m", "device", "tmpfs")));
  }

  @Test
  void sizeIsParsedLikeDockerAndStandsAlone() {
    assertEquals(64L << 20, LocalOptions.parse(Map.of("size", "64m")).size());
    assertEquals(1L << 30, LocalOptions.parse(Map.of("size", "1GiB")).size());
    assertEquals(512, LocalOptions.parse(Map.of("size", "512")).size());
    assertTrue(LocalOptions.parse(Map.of("size", "64m")).mountsOnUse());
    assertEquals("invalid size: 'big'", error(Map.of("size", "big")));
    assertTrue(error(Map.of("size", "1m", "type", "tmpfs", "device", "tmpfs")).startsWith("size cannot be combined"));
  }

  @Test
  void cifsPortBelongsInO() {
    assertEquals("port not allowed in CIFS device URL, include 'port' in 'o='",
        error(Map.of("type", "cifs", "device", "//host:445/share")));
  }
}
