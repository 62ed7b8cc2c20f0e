package io.berth.logging.file;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogReadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a rotated log file set for {@code docker logs}: {@code tail} seeks backwards from the end of the current file
 * (older files are opened only when it holds fewer records); {@code follow} keeps reading the open file, moves to the
 * new one after a rotation, and ends when the producer is gone and everything was read.
 */
public final class LogFileReader {
  private static final int CHUNK = 256 * 1024;

  /** Receives messages; returns false to stop reading (the client went away). */
  @FunctionalInterface
  public interface Sink {
    boolean accept(LogMessage m) throws IOException;
  }

  /** What a follower waits on. */
  public interface Follow {
    /** The container stopped and its collectors flushed: no more messages will come. */
    boolean producerGone();

    /** Waits up to {@code millis} for new data. */
    void await(long millis) throws InterruptedException;

    /** The client is gone. */
    default boolean cancelled() { return false; }
  }

  private final Path path;
  private final LogFormat format;

  public LogFileReader(Path path, LogFormat format) {
    this.path = path;
    this.format = format;
  }

  public void read(LogReadRequest req, Sink sink, Follow follow) throws IOException, InterruptedException {
    Opened opened = openCurrentWithKey();
    FileChannel current = opened.channel();
    Object key = opened.key();
    try {
      long end = current == null ? 0 : current.size();
      if (!emitHistory(req, sink, current, end)) return;
      if (req.follow() && follow != null) follow(req, sink, follow, current, key, end);
    } finally {
      if (current != null) current.close();
    }
  }

  private boolean emitHistory(LogReadRequest req, Sink sink, FileChannel current, long end) throws IOException {
    if (req.tail() == 0) return true;
    List<List<LogMessage>> newestFirst = new ArrayList<>();
    if (req.tail() > 0) {
      int wanted = req.tail();
      if (current != null) {
        long start = format.seekLast(current, end, wanted);
        List<LogMessage> last = readRange(current, start, end);
        newestFirst.add(last);
        wanted -= last.size();
      }
      List<Path> rotated = RotatingLogFile.rotatedFiles(path);
      for (int i = rotated.size() - 1; i >= 0 && wanted > 0; i--) {
        List<LogMessage> all = readWhole(rotated.get(i));
        List<LogMessage> last = all.subList(Math.max(0, all.size() - wanted), all.size());
        newestFirst.add(last);
        wanted -= last.size();
      }
      for (int i = newestFirst.size() - 1; i >= 0; i--) {
        if (!emit(req, sink, newestFirst.get(i))) return false;
      }
      return true;
    }
    for (Path p : RotatingLogFile.rotatedFiles(path)) {
      if (!emit(req, sink, readWhole(p))) return false;
    }
    return current == null || forward(req, sink, current, 0, end) >= 0;
  }

  private static boolean emit(LogReadRequest req, Sink sink, List<LogMessage> messages) throws IOException {
    for (LogMessage m : messages) {
      if (req.pastUntil(m)) return false;
      if (req.wants(m) && !sink.accept(m)) return false;
    }
    return true;
  }

  /** Reads [from, to) forwards in chunks; returns the offset after the last whole record, or -1 to stop. */
  private long forward(LogReadRequest req, Sink sink, FileChannel ch, long from, long to) throws IOException {
    byte[] buf = new byte[CHUNK];
    int have = 0;
    long pos = from;
    List<LogMessage> batch = new ArrayList<>();
    while (pos < to) {
      if (have == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
      ByteBuffer b = ByteBuffer.wrap(buf, have, (int) Math.min(buf.length - have, to - pos));
      int n = ch.read(b, pos);
      if (n <= 0) break;
      pos += n;
      have += n;
      batch.clear();
      int used = format.decode(buf, have, batch);
      System.arraycopy(buf, used, buf, 0, have - used);
      have -= used;
      if (!emit(req, sink, batch)) return -1;
    }
    return pos - have;
  }

  private void follow(LogReadRequest req, Sink sink, Follow follow, FileChannel current, Object currentKey, long pos)
      throws IOException, InterruptedException {
    FileChannel ch = current;
    Object key = currentKey;
    LogMessage[] lastSent = new LogMessage[1];
    Sink tracking = m -> {
      lastSent[0] = m;
      return sink.accept(m);
    };
    try {
      while (!follow.cancelled()) {
        if (ch == null) {
          Opened o = openCurrentWithKey();
          ch = o.channel();
          key = o.key();
          pos = 0;
          if (ch == null) {
            if (follow.producerGone()) return;
            follow.await(100);
            continue;
          }
        }
        boolean gone = follow.producerGone();
        long size = ch.size();
        if (size > pos) {
          long next = forward(req, tracking, ch, pos, size);
          if (next < 0) return;
          pos = next;
          continue;
        }
        Object now = fileKey();
        if (now != null && !now.equals(key)) {
          // Rotated, perhaps several times since the last look. The writer closes a file before renaming it, so the
          // old file's size is final now: read what it got since the size was taken above. Then read the rotated
          // files newer than it, and continue with the current one from its start.
          long last = ch.size();
          if (last > pos) {
            long after = forward(req, tracking, ch, pos, last);
            if (after < 0) return;
            pos = after;
          }
          // Hold the new current file first, so rotations while the older ones are read cannot skip it.
          Opened o = openCurrentWithKey();
          FileChannel next = o.channel();
          Object nextKey = o.key();
          if (!emitNewerThan(req, tracking, key, nextKey, lastSent[0])) {
            if (next != null) next.close();
            return;
          }
          if (ch != current) ch.close();
          ch = next;
          key = nextKey;
          pos = 0;
          continue;
        }
        if (gone) return;
        follow.await(100);
      }
    } finally {
      if (ch != null && ch != current) ch.close();
    }
  }

  /**
   * Emits the rotated files newer than the one with {@code key} and older than the one with {@code nextKey}. The
   * files are renamed under the reader while the writer rotates, so what to emit is first read into memory and only
   * emitted when the set of files did not change meanwhile (else it is read again).
   */
  private boolean emitNewerThan(LogReadRequest req, Sink sink, Object key, Object nextKey, LogMessage last)
      throws IOException, InterruptedException {
    List<List<LogMessage>> plan = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      List<Object> before = rotationKeys();
      List<List<LogMessage>> candidate;
      try {
        candidate = planNewerThan(key, nextKey, last);
      } catch (java.nio.file.NoSuchFileException moved) {
        candidate = null;
      }
      if (candidate != null) plan = candidate;
      if (candidate != null && before.equals(rotationKeys())) break;
      Thread.sleep(5);
    }
    if (plan == null) return true;
    for (List<LogMessage> batch : plan) {
      if (!emit(req, sink, batch)) return false;
    }
    return true;
  }

  /** The identities of the current file and the rotated ones, newest first, to notice a rotation. */
  private List<Object> rotationKeys() {
    List<Object> keys = new ArrayList<>();
    keys.add(fileKey());
    for (int i = 1; i < 10_000; i++) {
      Path plain = Path.of(path + "." + i);
      Path gz = Path.of(plain + ".gz");
      Object k = fileKey(plain);
      if (k == null) k = fileKey(gz);
      if (k == null) break;
      keys.add(k);
    }
    return keys;
  }

  private List<List<LogMessage>> planNewerThan(Object key, Object nextKey, LogMessage last) throws IOException {
    List<List<LogMessage>> plan = new ArrayList<>();
    int mine = -1;
    for (int i = 1; i < 10_000; i++) {
      Path plain = Path.of(path + "." + i);
      if (!Files.exists(plain)) {
        if (Files.exists(Path.of(plain + ".gz"))) continue;
        break;
      }
      if (key != null && key.equals(fileKey(plain))) {
        mine = i;
        break;
      }
    }
    if (mine > 0) {
      for (int i = mine - 1; i >= 1; i--) {
        Path plain = Path.of(path + "." + i);
        if (nextKey != null && nextKey.equals(fileKey(plain))) break;
        plan.add(readWhole(Files.exists(plain) ? plain : Path.of(plain + ".gz")));
      }
      return plan;
    }
    // Our file was compressed or rotated out: every rotated file still there may hold newer records. Skip up to the
    // last record already sent, or what is older than it.
    boolean passed = last == null;
    for (Path p : RotatingLogFile.rotatedFiles(path)) {
      if (nextKey != null && nextKey.equals(fileKey(p))) break;
      List<LogMessage> all = readWhole(p);
      int from = 0;
      if (!passed) {
        int at = indexOf(all, last);
        if (at >= 0) {
          from = at + 1;
          passed = true;
        } else if (!all.isEmpty() && all.get(all.size() - 1).timeNanos() < last.timeNanos()) {
          continue;
        } else {
          passed = true;
        }
      }
      plan.add(all.subList(from, all.size()));
    }
    return plan;
  }

  private static int indexOf(List<LogMessage> all, LogMessage m) {
    for (int i = all.size() - 1; i >= 0; i--) {
      LogMessage x = all.get(i);
      if (x.timeNanos() == m.timeNanos() && x.stream() == m.stream() && Arrays.equals(x.line(), m.line())) return i;
    }
    return -1;
  }

  private Object fileKey() {
    return fileKey(path);
  }

  private static Object fileKey(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** An open current file and its identity. */
  private record Opened(FileChannel channel, Object key) {}

  /**
   * Opens the current file together with its identity: a rotation between the open and the look-up would pair the
   * channel with the next file's key, and the reader would then skip a whole file; so the key is taken before and
   * after the open and must agree.
   */
  private Opened openCurrentWithKey() throws IOException {
    for (int attempt = 0; ; attempt++) {
      Object before = fileKey();
      FileChannel ch = openCurrent();
      Object after = fileKey();
      if (ch == null) return new Opened(null, null);
      if ((before != null && before.equals(after)) || attempt >= 1000) return new Opened(ch, after);
      ch.close();
    }
  }

  private FileChannel openCurrent() throws IOException {
    try {
      return FileChannel.open(path);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private List<LogMessage> readRange(FileChannel ch, long from, long to) throws IOException {
    List<LogMessage> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.allocate((int) (to - from));
    while (b.hasRemaining() && ch.read(b, from + b.position()) > 0) {
      // keep reading
    }
    format.decode(b.array(), b.position(), out);
    return out;
  }

  private List<LogMessage> readWhole(Path p) throws IOException {
    byte[] data;
    try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p))
        : Files.newInputStream(p)) {
      data = in.readAllBytes();
    } catch (NoSuchFileException e) {
      // compressed or removed meanwhile: try the other name once
      Path other = p.toString().endsWith(".gz") ? Path.of(p.toString().replaceAll("\\.gz$", "")) : Path.of(p + ".gz");
      if (!Files.exists(other)) return List.of();
      return readWhole(other);
    }
    List<LogMessage> out = new ArrayList<>();
    format.decode(data, data.length, out);
    return out;
  }
}
