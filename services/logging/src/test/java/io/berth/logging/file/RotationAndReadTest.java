package io.berth.logging.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.FileOptions;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogReadRequest;
import io.berth.logging.domain.LogStream;
import io.berth.testing.Await;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation, compression and reading (tail from the end, since/until, follow across a rotation) of both file formats. */
class RotationAndReadTest {
  @TempDir Path dir;

  static LogReadRequest all(int tail) {
    return new LogReadRequest(true, true, false, tail, 0, 0, false, false);
  }

  static List<String> read(LogFileReader r, LogReadRequest req) throws Exception {
    List<String> out = new ArrayList<>();
    r.read(req, m -> out.add(m.text()), null);
    return out;
  }

  @Test
  void jsonFileRotatesUnderLoadCompressesAndReadsBackInOrder() throws Exception {
    Path log = dir.resolve("c-json.log");
    FileOptions opts = FileOptions.parse("json-file", Map.of("max-size", "100k", "max-file", "4", "compress", "true"));
    FileLogWriter w = new FileLogWriter(log, opts, new JsonLogFormat(null), () -> { });
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      w.write(LogMessage.of(i % 2 == 0 ? LogStream.STDOUT : LogStream.STDERR, "line " + i, 1_000_000_000L * i));
      if (i % 100 == 0) w.flush();
    }
    w.flush();
    w.file().awaitCompression();
    assertTrue(Files.size(log) < 100_000, "current file under max-size");
    List<Path> rotated = RotatingLogFile.rotatedFiles(log);
    assertEquals(3, rotated.size(), "max-file 4 = current + 3 rotated: " + rotated);
    for (Path p : rotated) {
      assertTrue(p.toString().endsWith(".gz"), p.toString());
      try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
        long size = in.readAllBytes().length;
        assertTrue(size < 100_000, p + " holds " + size + " bytes");
      }
    }
    LogFileReader r = new LogFileReader(log, w.format());
    assertEquals(List.of("line 19997", "line 19998", "line 19999"), read(r, all(3)));
    List<String> everything = read(r, all(-1));
    // what is kept is a contiguous, ordered suffix ending at the last line
    int first = Integer.parseInt(everything.get(0).substring(5));
    for (int i = 0; i < everything.size(); i++) assertEquals("line " + (first + i), everything.get(i));
    assertEquals("line 19999", everything.get(everything.size() - 1));
    // tail larger than the current file reaches into the compressed ones
    List<String> tail = read(r, all(3000));
    assertEquals(3000, tail.size());
    assertEquals("line 17000", tail.get(0));
    // stdout only, and since/until in nanoseconds
    List<String> window = new ArrayList<>();
    r.read(new LogReadRequest(true, false, false, -1, 19_990_000_000_000L, 19_995_000_000_000L, false, false),
        m -> window.add(m.text()), null);
    assertEquals(List.of("line 19990", "line 19992", "line 19994"), window);
    w.close();
  }

  @Test
  void localFormatTailsBackwardsWithoutReadingTheWholeFile() throws Exception {
    Path log = dir.resolve("local-logs/container.log");
    FileLogWriter w = new FileLogWriter(log, FileOptions.parse("local", Map.of()), new LocalLogFormat(), () -> { });
    for (int i = 0; i < 50_000; i++) w.write(LogMessage.of(LogStream.STDOUT, "entry " + i, i));
    w.flush();
    LogFileReader r = new LogFileReader(log, new LocalLogFormat());
    assertEquals(List.of("entry 49998", "entry 49999"), read(r, all(2)));
    assertEquals(50_000, read(r, all(-1)).size());
    w.close();
  }

  @Test
  void followSeesNewLinesAcrossARotationAndEndsWhenTheProducerIsGone() throws Exception {
    Path log = dir.resolve("f-json.log");
    FileOptions opts = FileOptions.parse("json-file", Map.of("max-size", "2k", "max-file", "3"));
    FileLogWriter w = new FileLogWriter(log, opts, new JsonLogFormat(null), () -> { });
    w.write(LogMessage.of(LogStream.STDOUT, "before", 1));
    w.flush();
    AtomicBoolean gone = new AtomicBoolean();
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try {
        new LogFileReader(log, w.format()).read(new LogReadRequest(true, true, true, -1, 0, 0, false, false),
            m -> seen.add(m.text()), new LogFileReader.Follow() {
              @Override public boolean producerGone() { return gone.get(); }
              // the follower's own pause between looks at the file, shortened for the test
              @Override public void await(long millis) throws InterruptedException { Thread.sleep(10); }
            });
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    reader.start();
    // 40 lines (~1.6 files of 2k) at a time, then wait until the follower has them: it sees one or two rotations
    // between looks, but never falls so far behind that max-file deletes a file it has not read yet (that loss is
    // Docker's too). Waiting for the condition, not sleeping, keeps the test independent of the machine's load.
    for (int i = 0; i < 200; i++) {
      w.write(LogMessage.of(LogStream.STDOUT, "after " + i, 2 + i));
      w.flush();
      if (i % 40 == 39) {
        int lines = i + 2;
        Await.until("the follower has " + lines + " lines", Duration.ofSeconds(5), () -> seen.size() >= lines);
      }
    }
    gone.set(true);
    reader.join(5000);
    assertTrue(!reader.isAlive(), "follow ended after the producer was gone");
    assertEquals("before", seen.get(0));
    List<String> after = seen.subList(1, seen.size());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) expected.add("after " + i);
    assertEquals(expected, after, "every line once, in order, across rotations");
    w.close();
  }
}
