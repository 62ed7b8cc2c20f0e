package io.berth.volume.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"myvol", "a1", "my_vol.2-x", "0abc", "A.."})
  void acceptsDockersNames(String name) {
    assertEquals(name, VolumeName.validate(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/b", "..", "_x", ".hidden", "-x", "with space", "tab\t", "é", "x:y", ""})
  void rejectsEverythingElseWithDockersMessage(String name) {
    BerthException.InvalidRequest e = assertThrows(BerthException.InvalidRequest.class, () -> VolumeName.validate(name));
    assertEquals("create " + name + ": \"" + name + "\" includes invalid characters for a local volume name, only "
        + "\"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
        e.getMessage());
    assertEquals(400, e.status());
  }

  @Test
  void oneCharacterIsTooShort() {
    var e = assertThrows(BerthException.InvalidRequest.class, () -> VolumeName.validate("a"));
    assertEquals("create a: volume name is too short, names should be at least two alphanumeric characters", e.getMessage());
  }

  @Test
  void randomNamesAre64HexAndValid() {
    String a = VolumeName.random();
    assertTrue(a.matches("[0-9a-f]{64}"), a);
    assertNotEquals(a, VolumeName.random());
    assertTrue(VolumeName.isValid(a));
  }

  @Test
  void anonymousNamesAreStablePerContainerAndTarget() {
    String id = "c".repeat(64);
    assertEquals(VolumeName.anonymousFor(id, "/data"), VolumeName.anonymousFor(id, "/data"));
    assertNotEquals(VolumeName.anonymousFor(id, "/data"), VolumeName.anonymousFor(id, "/logs"));
    assertTrue(VolumeName.anonymousFor(id, "/data").matches("[0-9a-f]{64}"));
  }
}
