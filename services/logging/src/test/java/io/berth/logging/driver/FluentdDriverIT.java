package io.berth.logging.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.remote.SpoolingDriver;
import io.berth.testing.Await;
import io.berth.testing.node.Ports;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fluentd driver's delivery options against the Python forward-protocol receiver (decoded with the msgpack
 * library): retries while fluentd is away (nothing lost by default), {@code fluentd-async} with
 * {@code fluentd-buffer-limit} (and the deprecated {@code fluentd-async-connect}), {@code fluentd-max-retries}, and
 * {@code fluentd-write-timeout} against a fluentd that stopped reading.
 */
@Tag("host")
class FluentdDriverIT {
  @TempDir Path dir;
  final Map<String, Long> drops = new ConcurrentHashMap<>();
  final DropListener counting = new DropListener() {
    @Override public void dropped(long count, String reason) { drops.merge(reason, count, Long::sum); }
    @Override public void recovered(String driver, long downMillis) { }
  };

  private Process receiver(Path out, int port, String mode) throws Exception {
    Path script = Path.of(getClass().getResource("/fluent_forward.py").toURI());
    Process py = new ProcessBuilder("/usr/bin/python3", script.toString(), out.toString(), Integer.toString(port),
        mode).start();
    String line = new BufferedReader(new InputStreamReader(py.getInputStream())).readLine();
    assertEquals(Integer.toString(port), line == null ? "" : line.trim(), "receiver listening");
    return py;
  }

  private SpoolingDriver open(String sub, int port, String... kv) throws Exception {
    Map<String, String> opts = new HashMap<>(Map.of("fluentd-address", "127.0.0.1:" + port,
        "cache-disabled", "true"));
    for (int i = 0; i < kv.length; i += 2) opts.put(kv[i], kv[i + 1]);
    return (SpoolingDriver) DriverFixtures.open(dir.resolve(sub), "fluentd", opts, counting).driver();
  }

  private static List<String> logs(Path out, int n) throws Exception {
    Await.until(n + " entries at the receiver", Duration.ofSeconds(10),
        () -> Files.exists(out) ? Files.readAllLines(out).size() : 0, size -> size >= n);
    return Files.readAllLines(out).stream().map(l -> new JsonObject(l).getJsonObject("record").getString("log"))
        .toList();
  }

  private static void awaitDown(SpoolingDriver d) {
    Await.until("the sender noticed fluentd is away", Duration.ofSeconds(10), d::sinkDown);
  }

  private static int accepted(Path receiverOut) throws Exception {
    return Files.exists(receiverOut) ? (int) Files.readAllLines(receiverOut).stream()
        .filter(l -> l.contains("\"accepted\"")).count() : 0;
  }

  @Test
  void byDefaultNothingIsLostWhileFluentdIsAway() throws Exception {
    int port = Ports.free();
    SpoolingDriver d = open("sync", port, "fluentd-retry-wait", "100ms");
    for (int i = 0; i < 500; i++) d.log(LogMessage.of(LogStream.STDOUT, "line " + i, i));
    d.flush();
    awaitDown(d);
    Path out = dir.resolve("sync.jsonl");
    Process py = receiver(out, port, "normal");
    try {
      List<String> got = logs(out, 500);
      assertEquals(500, got.size());
      for (int i = 0; i < 500; i++) assertEquals("line " + i, got.get(i));
      d.close();
      assertEquals(Map.of(), drops);
    } finally {
      Processes.stop(py);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fluentd-async", "fluentd-async-connect"})
  void asyncHoldsUpToTheBufferLimitAndCountsTheRest(String asyncKey) throws Exception {
    int port = Ports.free();
    SpoolingDriver d = open("async", port, asyncKey, "true", "fluentd-buffer-limit", "100",
        "fluentd-retry-wait", "100ms");
    long t0 = System.nanoTime();
    for (int i = 0; i < 250; i++) d.log(LogMessage.of(LogStream.STDOUT, "line " + i, i));
    d.flush();
    assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "the container was not held");
    assertEquals(Map.of("buffer-full", 150L), drops);
    awaitDown(d);
    Path out = dir.resolve("async.jsonl");
    Process py = receiver(out, port, "normal");
    try {
      List<String> got = logs(out, 100);
      assertEquals(100, got.size());
      for (int i = 0; i < 100; i++) assertEquals("line " + i, got.get(i));
      d.close();
    } finally {
      Processes.stop(py);
    }
  }

  @Test
  void maxRetriesGivesABatchUpAndCountsIt() throws Exception {
    int port = Ports.free();
    SpoolingDriver d = open("retries", port, "fluentd-max-retries", "2", "fluentd-retry-wait", "50ms");
    for (int i = 0; i < 10; i++) d.log(LogMessage.of(LogStream.STDOUT, "early " + i, i));
    d.flush();
    Await.until("the batch given up", Duration.ofSeconds(5), () -> drops.get("retries-exhausted") != null);
    assertEquals(Map.of("retries-exhausted", 10L), drops);
    Path out = dir.resolve("retries.jsonl");
    Process py = receiver(out, port, "normal");
    try {
      d.log(LogMessage.of(LogStream.STDOUT, "late", 11));
      d.flush();
      assertEquals(List.of("late"), logs(out, 1));
      d.close();
    } finally {
      Processes.stop(py);
    }
  }

  @Test
  void writeTimeoutFreesTheSenderFromAFluentdThatStoppedReading() throws Exception {
    int port = Ports.free();
    Path out = dir.resolve("stall.jsonl");
    Process py = receiver(out, port, "stall");
    String big = "x".repeat(16 * 1024);
    SpoolingDriver unbounded = null;
    try {
      SpoolingDriver d = open("stall", port, "fluentd-write-timeout", "300ms", "fluentd-retry-wait", "100ms");
      for (int i = 0; i < 1000; i++) d.log(LogMessage.of(LogStream.STDOUT, big, i));
      d.flush();
      // 16 MB cannot fit in the socket buffers of a peer that reads nothing: the write blocks, and the timeout ends it
      awaitDown(d);
      assertTrue(Files.readString(out).contains("\"accepted\": 1"), Files.readString(out));
      d.suspend();
      int before = accepted(out);
      // without the option the same write just hangs: once it has reached the peer that reads nothing, it stays
      // blocked for well over the 300 ms the other driver's timeout took
      unbounded = open("stall-unbounded", port, "fluentd-retry-wait", "100ms");
      for (int i = 0; i < 1000; i++) unbounded.log(LogMessage.of(LogStream.STDOUT, big, i));
      unbounded.flush();
      Await.until("the driver without a timeout connected", Duration.ofSeconds(5), () -> accepted(out),
          n -> n > before);
      SpoolingDriver blocked = unbounded;
      Await.stays("a write without a timeout stays blocked", Duration.ofSeconds(1), () -> !blocked.sinkDown());
    } finally {
      Processes.stop(py); // the connection resets, which frees a write still blocked
      if (unbounded != null) unbounded.suspend();
    }
  }
}
