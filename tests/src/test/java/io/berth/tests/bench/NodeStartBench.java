package io.berth.tests.bench;

import io.berth.testing.node.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start of the all-in-one node ({@code bin/berth up} in a lab netns, fresh data root each time) to its ready
 * line, and its resident memory once ready. Prints figures; asserts nothing about time.
 * Run: {@code mvn -B -o -pl tests verify -Dberth.excludedGroups= -Dgroups=bench -Dit.test=NodeStartBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class NodeStartBench {
  @TempDir Path dir;

  @Test
  void coldStartToReady() throws Exception {
    List<Long> millis = new ArrayList<>();
    List<Long> rssKb = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      try (NodeProcess node = NodeProcess.create(dir.resolve("n" + i), "bench" + i)) {
        long t0 = System.nanoTime();
        node.start();
        millis.add((System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(2000); // paced on purpose: the figure is the RSS of a node that has settled after start
        rssKb.add(rss(node.pid()));
      }
    }
    Collections.sort(millis);
    Collections.sort(rssKb);
    String report = String.format("node cold start to ready: median %d ms (all %s); RSS after start: median %d MiB (all %s KiB)%n",
        millis.get(2), millis, rssKb.get(2) / 1024, rssKb);
    System.out.print(report);
    Files.writeString(Path.of("target", "bench-node-start.txt"), report);
  }

  private static long rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }
}
