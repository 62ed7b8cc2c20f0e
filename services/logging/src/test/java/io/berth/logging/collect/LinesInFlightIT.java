package io.berth.logging.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.LogTarget;
import io.berth.logging.file.JsonLogFormat;
import io.berth.logging.host.Fifos;
import io.berth.testing.Await;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth stops while a container keeps writing: every line the collector read from the FIFO reaches the log, the
 * lines it did not read are still in the pipe for the next reader, and stopping does not wait for a writer that will
 * not go away. The writer is a thread that writes one line per {@code write(2)} without pause.
 */
@Tag("host")
class LinesInFlightIT {
  private static final ContainerInfo C = new ContainerInfo(
      "f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1f1", "busy", "n1", "busybox", "", null, "",
      null, null, false, null);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"blocking", "non-blocking"})
  void suspendingWhileTheContainerWritesKeepsEveryLineThatWasRead(String mode) throws Exception {
    Map<String, String> opts = mode.equals("blocking") ? Map.of() : Map.of("mode", mode, "max-buffer-size", "64m");
    EffectiveLogConfig cfg = new EffectiveLogConfig("json-file", opts);
    LogConfigValidator.validate(cfg);
    Map<String, Long> drops = new ConcurrentHashMap<>();
    DropListener counting = new DropListener() {
      @Override public void dropped(long count, String reason) { drops.merge(reason, count, Long::sum); }
      @Override public void recovered(String driver, long downMillis) { }
    };
    LogTarget target = new LogDrivers(HttpClient.newHttpClient()).open(C, cfg, dir, counting, () -> { });
    Path fifo = Fifos.ensure(dir.resolve("stdout.fifo"));
    ContainerLogs logs = new ContainerLogs(C, cfg, target, fifo, null);
    logs.startCollecting();

    AtomicInteger written = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch mayClose = new CountDownLatch(1);
    Thread writer = new Thread(() -> {
      try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
        try {
          while (!stop.get()) {
            out.write(("line " + written.get() + "\n").getBytes(StandardCharsets.US_ASCII));
            written.incrementAndGet();
          }
        } catch (IOException brokenPipe) {
          // no reader left: the line was not written (a write of less than PIPE_BUF is all or nothing)
        }
        mayClose.await(); // keep the write side open until the test has its reader, as a live container would
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, "container-writer");
    writer.start();

    Path json = dir.resolve(C.id() + "-json.log");
    Await.until("the collector is writing the log", Duration.ofSeconds(10),
        () -> Files.exists(json) ? Files.size(json) : 0L, size -> size >= 200_000);

    long t0 = System.nanoTime();
    logs.suspend();
    long suspendMs = (System.nanoTime() - t0) / 1_000_000;

    List<String> rest = new ArrayList<>();
    try (BufferedReader pipe = new BufferedReader(new InputStreamReader(new FileInputStream(fifo.toFile()),
        StandardCharsets.US_ASCII))) {
      stop.set(true);
      mayClose.countDown();
      writer.join(10_000);
      for (String l = pipe.readLine(); l != null; l = pipe.readLine()) rest.add(l);
    }

    List<String> logged = new ArrayList<>();
    for (String l : Files.readAllLines(json)) {
      logged.add(JsonLogFormat.parse(l.getBytes(StandardCharsets.UTF_8), 0, l.length()).text());
    }
    int n = written.get();
    List<String> all = new ArrayList<>(logged);
    all.addAll(rest);
    assertEquals(n, all.size(), "logged " + logged.size() + " + left in the pipe " + rest.size()
        + " = written " + n);
    for (int i = 0; i < n; i++) {
      if (!all.get(i).equals("line " + i)) {
        throw new AssertionError("line " + i + " is " + all.get(i) + " (logged " + logged.size() + ")");
      }
    }
    assertEquals(Map.of(), drops, "nothing dropped");
    assertTrue(suspendMs < 2_500, "stopping did not wait for a writer that stays: " + suspendMs + " ms");
  }

  @org.junit.jupiter.api.Test
  void aStoppedContainerWhoseOutputSomeProcessStillHoldsIsReleasedAfterTheBound() throws Exception {
    EffectiveLogConfig cfg = new EffectiveLogConfig("json-file", Map.of());
    LogTarget target = new LogDrivers(HttpClient.newHttpClient()).open(C, cfg, dir, DropListener.NONE, () -> { });
    Path fifo = Fifos.ensure(dir.resolve("stdout.fifo"));
    ContainerLogs logs = new ContainerLogs(C, cfg, target, fifo, null);
    logs.startCollecting();
    // a daemonised grandchild of the container keeps stdout open after the container's main process exited
    CountDownLatch done = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
        for (int i = 0; i < 1000; i++) out.write(("held " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        done.await();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, "lingering-writer");
    holder.start();
    Path json = dir.resolve(C.id() + "-json.log");
    Await.until("1000 lines in the log", Duration.ofSeconds(10),
        () -> Files.exists(json) ? Files.readAllLines(json).size() : 0, n -> n >= 1000);
    try {
      long t0 = System.nanoTime();
      logs.stopped();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= ContainerLogs.DRAIN_MILLIS - 100 && ms < ContainerLogs.DRAIN_MILLIS + 3_000,
          "waited for EOF up to the bound, then released: " + ms + " ms");
      assertTrue(logs.producerGone(), "followers end");
      List<String> lines = Files.readAllLines(json);
      assertEquals(1000, lines.size());
      assertEquals("held 999", JsonLogFormat.parse(lines.get(999).getBytes(StandardCharsets.UTF_8), 0,
          lines.get(999).length()).text());
    } finally {
      done.countDown();
      holder.join(5_000);
      logs.close();
    }
  }
}
