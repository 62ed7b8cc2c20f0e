package io.berth.logging.host;

import io.berth.host.FileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The FIFOs berth creates for a container's stdio when its runtime names none. */
public final class Fifos {
  private Fifos() {}

  /** Equivalent to {@code mkfifo -m 0600 PATH}; an existing FIFO (a restart of the service) is kept. */
  public static Path ensure(Path path) throws IOException {
    Files.createDirectories(path.getParent());
    if (Files.exists(path)) {
      if (Files.isRegularFile(path) || Files.isDirectory(path)) {
        throw new IOException(path + " exists and is not a FIFO");
      }
      return path;
    }
    FileSystem.mkfifo(path, 0600);
    return path;
  }
}
