package io.berth.logging.driver;

import io.berth.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** External receivers run by the tests (rsyslogd, systemd-journald, a Python msgpack decoder), stopped by pid. */
final class Processes {
  private Processes() {}

  static Process start(Path log, List<String> cmd) throws IOException {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static void stop(Process p) throws InterruptedException {
    if (p == null) return;
    p.destroy();
    if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
  }

  static void awaitFile(Path p, String contains, long millis) {
    if (contains == null) {
      Await.until(p + " exists", Duration.ofMillis(millis), () -> Files.exists(p));
    } else {
      Await.until(p + " contains " + contains, Duration.ofMillis(millis),
          () -> Files.exists(p) ? Files.readString(p) : "", text -> text.contains(contains));
    }
  }
}
