package io.berth.testing.node;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run from: the nearest folder above the working directory that holds {@code bin/berth}. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isExecutable(p.resolve("bin/berth"))) return p;
      p = p.getParent();
    }
    throw new IllegalStateException("bin/berth not found above " + Path.of("").toAbsolutePath());
  }
}
