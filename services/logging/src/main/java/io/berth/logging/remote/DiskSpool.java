package io.berth.logging.remote;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.file.LocalLogFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote driver's write-ahead spool: every message is appended here (local-driver records, in arrival order) and
 * the sender delivers from the front, so a slow or absent sink never holds the container up — only the disk does.
 * Segment files of {@value #SEGMENT} bytes; a delivered segment is deleted. Bounded by {@code maxBytes}: what does not
 * fit is refused and counted by the caller. Thread-safe: collectors append, one sender reads.
 */
public final class DiskSpool implements AutoCloseable {
  static final long SEGMENT = 16L * 1024 * 1024;

  private static final class Segment {
    final Path path;
    final FileChannel channel;
    long size;

    Segment(Path path) throws IOException {
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      this.size = channel.size();
    }
  }

  private final LocalLogFormat format = new LocalLogFormat();
  private final ByteBuf pending = new ByteBuf(256 * 1024);
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private final Path dir;
  private final String name;
  private final long maxBytes;
  private final FileChannel cursor;
  private long bytes;
  private long readOffset;
  private long peekedBytes;
  private long count;
  private int pendingCount;
  private int nextSegment;

  /**
   * Opens the spool; segments left by an earlier run (berth stopped while a sink was down) are kept and delivered
   * first, from the position the cursor file recorded.
   */
  public DiskSpool(Path dir, String name, long maxBytes) throws IOException {
    Files.createDirectories(dir);
    this.dir = dir;
    this.name = name;
    this.maxBytes = maxBytes;
    this.cursor = FileChannel.open(dir.resolve(name + ".cursor"), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    recover();
    if (segments.isEmpty()) segments.add(newSegment());
  }

  private void recover() throws IOException {
    List<Integer> found = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(f -> f.startsWith(name + ".") && f.endsWith(".spool"))
          .map(f -> f.substring(name.length() + 1, f.length() - ".spool".length()))
          .filter(n -> n.matches("\\d+")).map(Integer::parseInt).sorted().forEach(found::add);
    }
    ByteBuffer c = ByteBuffer.allocate(12);
    long savedOffset = 0;
    int savedSegment = -1;
    if (cursor.read(c, 0) == 12) {
      savedSegment = c.getInt(0);
      savedOffset = c.getLong(4);
    }
    for (int n : found) {
      Segment seg = new Segment(dir.resolve(name + "." + n + ".spool"));
      if (n < savedSegment) {
        seg.channel.close();
        Files.deleteIfExists(seg.path);
        continue;
      }
      long start = n == savedSegment ? Math.min(savedOffset, seg.size) : 0;
      seg.size = wholeRecords(seg, start);
      seg.channel.truncate(seg.size);
      if (segments.isEmpty()) readOffset = start;
      count += records(seg, segments.isEmpty() ? start : 0);
      bytes += seg.size;
      segments.add(seg);
      nextSegment = n + 1;
    }
  }

  /** The end of the last whole record (a crash may have left half of one). */
  private static long wholeRecords(Segment seg, long from) throws IOException {
    ByteBuffer len = ByteBuffer.allocate(4);
    long pos = from;
    while (pos + 4 <= seg.size) {
      len.clear();
      seg.channel.read(len, pos);
      long next = pos + 8 + len.getInt(0);
      if (next > seg.size) break;
      pos = next;
    }
    return pos;
  }

  private static long records(Segment seg, long from) throws IOException {
    ByteBuffer len = ByteBuffer.allocate(4);
    long pos = from;
    long n = 0;
    while (pos + 4 <= seg.size) {
      len.clear();
      seg.channel.read(len, pos);
      pos += 8 + len.getInt(0);
      n++;
    }
    return n;
  }

  private Segment newSegment() throws IOException {
    return new Segment(dir.resolve(name + "." + (nextSegment++) + ".spool"));
  }

  /** Messages waiting for delivery, appended ones included. */
  public synchronized long count() {
    return count + pendingCount;
  }

  public synchronized boolean isEmpty() {
    return count() == 0;
  }

  /** Adds a message in memory; returns false when the spool is full (the message is refused). */
  public synchronized boolean add(LogMessage m) {
    int before = pending.size();
    format.encode(m, pending);
    if (bytes + pending.size() > maxBytes) {
      pending.setSize(before);
      return false;
    }
    pendingCount++;
    return true;
  }

  /** Writes what was added to disk. */
  public synchronized void flush() throws IOException {
    if (pending.size() == 0) return;
    Segment last = segments.peekLast();
    ByteBuffer b = ByteBuffer.wrap(pending.array(), 0, pending.size());
    while (b.hasRemaining()) last.size += last.channel.write(b, last.size);
    bytes += pending.size();
    count += pendingCount;
    pending.clear();
    pendingCount = 0;
    if (last.size >= SEGMENT) segments.add(newSegment());
  }

  /** Up to {@code max} messages from the front, not yet removed. */
  public synchronized List<LogMessage> peek(int max) throws IOException {
    peekedBytes = 0;
    while (true) {
      Segment first = segments.peekFirst();
      if (readOffset < first.size) break;
      if (segments.size() == 1) return List.of();
      dropFirst();
    }
    Segment first = segments.peekFirst();
    int len = (int) Math.min(first.size - readOffset, 1024L * 1024);
    ByteBuffer b = ByteBuffer.allocate(len);
    while (b.hasRemaining() && first.channel.read(b, readOffset + b.position()) > 0) {
      // read the window
    }
    List<LogMessage> out = new ArrayList<>(Math.min(max, 4096));
    peekedBytes = format.decode(b.array(), b.position(), out, max);
    return out;
  }

  /** Removes what the last {@link #peek} returned: it was delivered. */
  public synchronized void commit(int messages) throws IOException {
    readOffset += peekedBytes;
    peekedBytes = 0;
    count -= messages;
    Segment first = segments.peekFirst();
    if (readOffset >= first.size) {
      if (segments.size() > 1) {
        dropFirst();
      } else if (pending.size() == 0) {
        first.channel.truncate(0);
        bytes -= first.size;
        first.size = 0;
        readOffset = 0;
      }
    }
    saveCursor();
  }

  /** Where delivery stands (segment number, offset), so a restart does not send a whole segment again. */
  private void saveCursor() throws IOException {
    Segment first = segments.peekFirst();
    String f = first.path.getFileName().toString();
    int n = Integer.parseInt(f.substring(name.length() + 1, f.length() - ".spool".length()));
    ByteBuffer c = ByteBuffer.allocate(12).putInt(n).putLong(readOffset);
    c.flip();
    cursor.write(c, 0);
  }

  private void dropFirst() throws IOException {
    Segment first = segments.pollFirst();
    first.channel.close();
    Files.deleteIfExists(first.path);
    bytes -= first.size;
    readOffset = 0;
  }

  /** Closes and removes the spool (the container is gone). */
  @Override
  public synchronized void close() throws IOException {
    for (Segment s : segments) {
      s.channel.close();
      Files.deleteIfExists(s.path);
    }
    segments.clear();
    cursor.close();
    Files.deleteIfExists(dir.resolve(name + ".cursor"));
  }

  /** Writes what is pending and closes, keeping the files for the next start. */
  public synchronized void suspend() throws IOException {
    flush();
    saveCursor();
    for (Segment s : segments) s.channel.close();
    segments.clear();
    cursor.close();
  }
}
