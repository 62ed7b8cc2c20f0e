package io.berth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated text (an nft ruleset, a rendered file) compared with a golden file kept next to the tests, by default in
 * {@code src/test/resources/golden/} of the module under test. After an intended change, run the test with
 * {@code -Dberth.golden.update=true}: the golden files are rewritten from what was generated, and the diff is
 * reviewed like any other change. Golden files are read from the source tree, not the class path, so an update and
 * the check agree in the same run.
 */
public final class Golden {
  /** The property that turns the check into a rewrite of the golden files. */
  public static final String UPDATE = "berth.golden.update";
  /** Where golden files live, relative to the module's folder (the test's working directory). */
  public static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  /** {@code actual} equals the golden file {@code name} in {@link #DIR}. */
  public static void assertMatches(String name, String actual) {
    assertMatches(DIR, name, actual);
  }

  /** {@code actual} equals the golden file {@code name} in {@code dir}. */
  public static void assertMatches(Path dir, String name, String actual) {
    Path file = dir.resolve(name);
    try {
      if (Boolean.getBoolean(UPDATE)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      if (!Files.exists(file)) {
        throw new AssertionError("missing golden file " + file + " (run with -D" + UPDATE + "=true to write it);"
            + " generated:\n" + actual);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          "golden file " + file + " (after an intended change: -D" + UPDATE + "=true, then review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
