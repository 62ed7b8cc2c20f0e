package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogReadRequest;
import io.berth.logging.host.Fifos;
import io.berth.testing.Await;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * moby#40093 done right: a Splunk HEC sink is down for 30 s while a real process writes 10,000 lines/s into the
 * container's FIFO. The writer is never held up, nothing is lost, order is kept, the recovery is reported, and
 * {@code docker logs} (the dual-logging cache) had every line all along.
 */
@Tag("host")
class SinkDownIT {
  @TempDir Path dir;

  @Test
  void noLineLostWhileTheSinkIsDownFor30Seconds() throws Exception {
    AtomicLong dropped = new AtomicLong();
    List<Long> recoveries = new java.util.concurrent.CopyOnWriteArrayList<>();
    DropListener listener = new DropListener() {
      @Override public void dropped(long count, String reason) { dropped.addAndGet(count); }
      @Override public void recovered(String driver, long downMillis) { recoveries.add(downMillis); }
    };
    try (SplunkReceiver receiver = new SplunkReceiver("t")) {
      Map<String, String> opts = Map.of("splunk-url", "http://127.0.0.1:" + receiver.port(), "splunk-token", "t");
      LogTarget target = DriverFixtures.open(dir, "splunk", opts, listener);
      Path fifo = Fifos.ensure(dir.resolve("stdout.fifo"));
      ContainerLogs logs = new ContainerLogs(DriverFixtures.CONTAINER, new EffectiveLogConfig("splunk", opts), target,
          fifo, null);
      logs.startCollecting();
      int bursts = 400;
      int perBurst = 1000;
      long start = System.nanoTime();
      Process writer = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + bursts + " ]; do seq -f 'line-%.0f' "
          + "$((i*" + perBurst + ")) $((i*" + perBurst + "+" + (perBurst - 1) + ")); i=$((i+1)); sleep 0.1; done > "
          + fifo).start();
      // Paced on purpose: five seconds of normal delivery, then a 30 s outage, the length the figure is about.
      Thread.sleep(5_000);
      receiver.stop();
      int atStop = receiver.events.size();
      Thread.sleep(30_000);
      assertEquals(atStop, receiver.events.size(), "the sink was really down");
      receiver.start();
      assertEquals(0, writer.waitFor());
      double writerSeconds = (System.nanoTime() - start) / 1e9;
      logs.stopped();
      int expected = bursts * perBurst;
      long stoppedAt = System.nanoTime();
      System.out.printf("writer done after %.1f s%n", writerSeconds);
      Await.until("all " + expected + " lines delivered", Duration.ofSeconds(120),
          () -> receiver.events.size(), n -> n >= expected);
      System.out.printf("delivered %d after %.1f s more%n", receiver.events.size(), (System.nanoTime() - stoppedAt) / 1e9);
      logs.close();
      // At least once: a batch whose reply was lost when the sink went away is sent again, so a replayed run of
      // earlier lines may appear; a line missing or out of order fails.
      int next = 0;
      int replayed = 0;
      for (JsonObject e : receiver.events) {
        int n = Integer.parseInt(e.getJsonObject("event").getString("line").substring(5));
        if (n == next) next++;
        else if (n < next) replayed++;
        else throw new AssertionError("line " + next + " missing, got line " + n);
      }
      assertEquals(expected, next, "every line delivered, in order");
      assertTrue(replayed <= 1000, replayed + " lines sent twice (at most one batch)");
      assertEquals(0, dropped.get());
      assertEquals(1, recoveries.size());
      assertTrue(recoveries.get(0) >= 29_000, "down for " + recoveries.get(0) + " ms");
      // 400 bursts with a 0.1 s pause take ~40 s plus process starts; a writer held up by the 30 s outage takes 70+.
      assertTrue(writerSeconds < 55, "the writer took " + writerSeconds + " s");
      List<String> cached = new ArrayList<>();
      logs.reader().read(new LogReadRequest(true, true, false, -1, 0, 0, false, false), m -> cached.add(m.text()), null);
      assertEquals(expected, cached.size(), "docker logs reads every line from the cache");
      System.out.printf("sink down 30 s: %d lines delivered in order (%d replayed), writer %.1f s, down %d ms%n", expected,
          replayed, writerSeconds, recoveries.get(0));
    }
  }
}
