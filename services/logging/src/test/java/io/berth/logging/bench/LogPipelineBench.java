package io.berth.logging.bench;

import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.FileOptions;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogReadRequest;
import io.berth.logging.domain.LogStream;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.LogTarget;
import io.berth.logging.file.FileLogWriter;
import io.berth.logging.file.JsonLogFormat;
import io.berth.logging.file.LogFileReader;
import io.berth.logging.host.Fifos;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log pipeline figures (anchor-figures.md §4): 100-byte lines from one producer process through a container FIFO to a
 * rotated json-file, to syslog over UDP and to GELF over UDP; lines/s and CPU ns per line of this JVM; and the
 * latency of {@code tail 100} on a 1 GB json-file. Prints figures, asserts nothing about time.
 * Run: {@code mvn -B -o -pl services/logging verify -Dberth.excludedGroups= -Dgroups=bench -Dit.test=LogPipelineBench
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class LogPipelineBench {
  private static final ContainerInfo C = new ContainerInfo(
      "b3nch0000000000000000000000000000000000000000000000000000000000", "bench", "n1", "busybox", "", null, "", null,
      null, false, null);
  @TempDir Path dir;

  /** A C producer that writes one line per write(2), like a line-flushing container. */
  private Path lineWriter() throws Exception {
    Path src = dir.resolve("rawlines.c");
    Files.writeString(src, """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        int main(int c, char **v) { long n = atol(v[1]); char line[100]; memset(line, 'x', 99); line[99] = '\\n';
          for (long i = 0; i < n; i++) { int k = snprintf(line, 20, "%ld", i); line[k] = 'x';
            if (write(1, line, 100) != 100) return 1; } return 0; }
        """);
    Path bin = dir.resolve("rawlines");
    Process p = new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString()).inheritIO().start();
    if (p.waitFor() != 0) throw new IllegalStateException("gcc failed");
    return bin;
  }

  private record Run(double seconds, double cpuNsPerLine) {}

  private Run pipe(String driver, Map<String, String> opts, String producer, long lines) throws Exception {
    Path cdir = Files.createDirectories(dir.resolve(driver + "-" + System.nanoTime()));
    EffectiveLogConfig cfg = new EffectiveLogConfig(driver, opts);
    LogConfigValidator.validate(cfg);
    LogTarget target = new LogDrivers(HttpClient.newHttpClient()).open(C, cfg, cdir, DropListener.NONE, () -> { });
    Path fifo = Fifos.ensure(cdir.resolve("stdout.fifo"));
    ContainerLogs logs = new ContainerLogs(C, cfg, target, fifo, null);
    logs.startCollecting();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder("sh", "-c", producer + " > " + fifo).inheritIO().start();
    if (p.waitFor() != 0) throw new IllegalStateException("producer failed");
    logs.stopped();
    logs.close();
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    return new Run((t1 - t0) / 1e9, (cpu1 - cpu0) / (double) lines);
  }

  @Test
  void fifoToRotatedJsonFile() throws Exception {
    long n = 1_000_000;
    Path input = dir.resolve("in100.txt");
    Path rawlines = lineWriter();
    new ProcessBuilder(rawlines.toString(), Long.toString(n)).redirectOutput(input.toFile()).start().waitFor();
    Map<String, String> rotated = Map.of("max-size", "50m", "max-file", "3");
    pipe("json-file", rotated, "cat " + input, n); // warm-up
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Run bulk = pipe("json-file", rotated, "cat " + input, n);
      rows.add(String.format("json-file bulk (cat)      run %d: %,.0f lines/s, %.0f ns CPU/line", i, n / bulk.seconds,
          bulk.cpuNsPerLine));
      Run perLine = pipe("json-file", rotated, rawlines + " " + n, n);
      rows.add(String.format("json-file per-line writes run %d: %,.0f lines/s, %.0f ns CPU/line", i,
          n / perLine.seconds, perLine.cpuNsPerLine));
    }
    rows.forEach(System.out::println);
  }

  @Test
  void fifoToSyslogAndGelfOverUdp() throws Exception {
    long n = 200_000;
    Path input = dir.resolve("in100.txt");
    new ProcessBuilder(lineWriter().toString(), Long.toString(n)).redirectOutput(input.toFile()).start().waitFor();
    try (DatagramSocket sink = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      sink.setReceiveBufferSize(8 << 20);
      AtomicLong received = new AtomicLong();
      Thread drain = new Thread(() -> {
        byte[] b = new byte[65536];
        while (!sink.isClosed()) {
          try {
            sink.receive(new DatagramPacket(b, b.length));
            received.incrementAndGet();
          } catch (Exception e) {
            return;
          }
        }
      });
      drain.setDaemon(true);
      drain.start();
      String address = "udp://127.0.0.1:" + sink.getLocalPort();
      for (int i = 0; i < 2; i++) {
        received.set(0);
        Run s = pipe("syslog", Map.of("syslog-address", address, "syslog-format", "rfc5424", "cache-disabled", "true"),
            "cat " + input, n);
        System.out.printf("syslog udp run %d: %,.0f lines/s, %.0f ns CPU/line, %d of %d datagrams received%n", i,
            n / s.seconds, s.cpuNsPerLine, received.get(), n);
        received.set(0);
        Run g = pipe("gelf", Map.of("gelf-address", address, "cache-disabled", "true"), "cat " + input, n);
        System.out.printf("gelf udp (gzip 1) run %d: %,.0f lines/s, %.0f ns CPU/line, %d of %d datagrams received%n",
            i, n / g.seconds, g.cpuNsPerLine, received.get(), n);
      }
    }
  }

  @Test
  void tail100OnA1GbJsonFile() throws Exception {
    Path log = dir.resolve("big-json.log");
    FileLogWriter w = new FileLogWriter(log, new FileOptions(-1, 1, false), new JsonLogFormat(null), () -> { });
    byte[] line = new byte[99];
    java.util.Arrays.fill(line, (byte) 'y');
    long t = io.berth.logging.domain.Rfc3339.nowNanos();
    long i = 0;
    while (Files.size(log) < (1L << 30)) {
      for (int k = 0; k < 100_000; k++) w.write(new LogMessage(LogStream.STDOUT, line, t + i++, null));
      w.flush();
    }
    w.close();
    LogFileReader r = new LogFileReader(log, new JsonLogFormat(null));
    LogReadRequest req = new LogReadRequest(true, true, false, 100, 0, 0, true, false);
    List<Double> ms = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      long t0 = System.nanoTime();
      int[] count = {0};
      r.read(req, m -> ++count[0] > 0, null);
      ms.add((System.nanoTime() - t0) / 1e6);
      if (count[0] != 100) throw new IllegalStateException("tail returned " + count[0]);
    }
    java.util.Collections.sort(ms);
    System.out.printf("tail 100 on %,d-byte json-file (%,d lines): median %.2f ms, min %.2f ms, max %.2f ms%n",
        Files.size(log), i, ms.get(10), ms.get(0), ms.get(19));
  }
}
