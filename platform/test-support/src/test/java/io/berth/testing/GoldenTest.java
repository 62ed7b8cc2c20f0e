package io.berth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenTest {
  @TempDir Path dir;

  @AfterEach
  void noUpdate() {
    System.clearProperty(Golden.UPDATE);
  }

  @Test
  void matchingTextPasses() throws Exception {
    Files.writeString(dir.resolve("t.nft"), "table inet berth {\n}\n");
    Golden.assertMatches(dir, "t.nft", "table inet berth {\n}\n");
  }

  @Test
  void otherTextFailsNamingTheFileAndTheSwitch() throws Exception {
    Files.writeString(dir.resolve("t.nft"), "table inet berth {\n}\n");
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> Golden.assertMatches(dir, "t.nft", "table inet other {\n}\n"));
    assertTrue(e.getMessage().contains(dir.resolve("t.nft").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("-Dberth.golden.update=true"), e.getMessage());
  }

  @Test
  void aMissingFileFailsWithWhatWasGenerated() {
    AssertionError e = assertThrows(AssertionError.class, () -> Golden.assertMatches(dir, "new.nft", "generated"));
    assertTrue(e.getMessage().startsWith("missing golden file " + dir.resolve("new.nft")), e.getMessage());
    assertTrue(e.getMessage().endsWith("generated:\ngenerated"), e.getMessage());
  }

  @Test
  void theUpdateSwitchRewritesTheFile() throws Exception {
    Files.writeString(dir.resolve("t.nft"), "old\n");
    System.setProperty(Golden.UPDATE, "true");
    Golden.assertMatches(dir, "sub/new.nft", "new\n");
    Golden.assertMatches(dir, "t.nft", "changed\n");
    assertEquals("new\n", Files.readString(dir.resolve("sub/new.nft")));
    assertEquals("changed\n", Files.readString(dir.resolve("t.nft")));
  }
}
