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
import java.util.ArrayList;
import java.util.List;

/**
 * Messages waiting for a remote sink that is down, on disk in arrival order (local-driver records), bounded by
 * {@code maxBytes}. Read from the front in batches; emptied (truncated) once everything was delivered. Used by one
 * thread only.
 */
public final class DiskSpool implements AutoCloseable {
  private final LocalLogFormat format = new LocalLogFormat();
  private final ByteBuf buf = new ByteBuf(64 * 1024);
  private final FileChannel channel;
  private final long maxBytes;
  private long size;
  private long readOffset;
  private long pendingBytes;
  private long count;

  public DiskSpool(Path file, long maxBytes) throws IOException {
    Files.createDirectories(file.getParent());
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    this.maxBytes = maxBytes;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public long count() {
    return count;
  }

  /** Appends messages; returns how many did not fit (the caller counts them as dropped). */
  public int append(List<LogMessage> messages) throws IOException {
    buf.clear();
    int dropped = 0;
    for (LogMessage m : messages) {
      int before = buf.size();
      format.encode(m, buf);
      if (size + buf.size() > maxBytes) {
        buf.setSize(before);
        dropped++;
      } else {
        count++;
      }
    }
    ByteBuffer b = ByteBuffer.wrap(buf.array(), 0, buf.size());
    while (b.hasRemaining()) size += channel.write(b, size);
    return dropped;
  }

  /** Up to {@code max} messages from the front, not yet removed. */
  public List<LogMessage> peek(int max) throws IOException {
    List<LogMessage> out = new ArrayList<>();
    long pos = readOffset;
    int chunk = 256 * 1024;
    byte[] data = new byte[chunk];
    int have = 0;
    pendingBytes = 0;
    while (out.size() < max && pos < size) {
      if (have == data.length) data = java.util.Arrays.copyOf(data, data.length * 2);
      ByteBuffer b = ByteBuffer.wrap(data, have, (int) Math.min(data.length - have, size - pos));
      int n = channel.read(b, pos);
      if (n <= 0) break;
      pos += n;
      have += n;
      List<LogMessage> decoded = new ArrayList<>();
      int used = format.decode(data, have, decoded);
      int take = Math.min(decoded.size(), max - out.size());
      if (take < decoded.size()) {
        // count the bytes of the records taken only
        int bytes = 0;
        ByteBuf tmp = new ByteBuf(1024);
        for (int i = 0; i < take; i++) {
          tmp.clear();
          format.encode(decoded.get(i), tmp);
          bytes += tmp.size();
        }
        used = bytes;
      }
      out.addAll(decoded.subList(0, take));
      pendingBytes += used;
      System.arraycopy(data, used, data, 0, have - used);
      have -= used;
      if (take < decoded.size()) break;
    }
    return out;
  }

  /** Removes what the last {@link #peek} returned: it was delivered. */
  public void commit(int messages) throws IOException {
    readOffset += pendingBytes;
    pendingBytes = 0;
    count -= messages;
    if (count == 0) {
      channel.truncate(0);
      size = 0;
      readOffset = 0;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
