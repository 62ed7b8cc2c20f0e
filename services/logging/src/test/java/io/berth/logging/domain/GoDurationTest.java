package io.berth.logging.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void parsesWhatGoParses() {
    assertEquals(5_000_000_000L, GoDuration.parseNanos("5s"));
    assertEquals(1_500_000_000L, GoDuration.parseNanos("1.5s"));
    assertEquals(90_000_000_000L, GoDuration.parseNanos("1m30s"));
    assertEquals(300_000_000L, GoDuration.parseNanos("300ms"));
    assertEquals(2_000L, GoDuration.parseNanos("2us"));
    assertEquals(0, GoDuration.parseNanos("0"));
    assertEquals(-1_000_000_000L, GoDuration.parseNanos("-1s"));
    assertEquals(3_600_000_000_000L + 500_000_000L, GoDuration.parseNanos("1h0.5s"));
  }

  @Test
  void refusesWithGosMessages() {
    assertEquals("time: missing unit in duration \"5\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos("5")).getMessage());
    assertEquals("time: unknown unit \"x\" in duration \"5x\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos("5x")).getMessage());
    assertEquals("time: invalid duration \"abc\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos("abc")).getMessage());
    assertEquals("time: invalid duration \"\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parseNanos("")).getMessage());
  }
}
