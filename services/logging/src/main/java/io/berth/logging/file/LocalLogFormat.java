package io.berth.logging.file;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.PartialMeta;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * berth's {@code local} driver record (also the dual-logging cache and the remote drivers' disk spool). Framed like
 * Docker's local driver, {@code [u32 size][payload][u32 size]} big-endian, so it reads forwards and backwards; the
 * payload is {@code [u8 stream 1|2][i64 time ns][u8 flags: 1 partial, 2 last][u16 id length][id][u32 ordinal][line]}
 * (id and ordinal only when partial). Rotated files are gzip'd whole.
 */
public final class LocalLogFormat implements LogFormat {
  private static final int PARTIAL = 1;
  private static final int LAST = 2;

  @Override
  public void encode(LogMessage m, ByteBuf out) {
    PartialMeta p = m.partial();
    byte[] id = p == null ? null : p.id().getBytes(StandardCharsets.UTF_8);
    int size = 1 + 8 + 1 + (p == null ? 0 : 2 + id.length + 4) + m.line().length;
    out.putInt(size);
    out.put(m.stream().frameType());
    out.putLong(m.timeNanos());
    out.put(p == null ? 0 : PARTIAL | (p.last() ? LAST : 0));
    if (p != null) {
      out.put(id.length >>> 8);
      out.put(id.length);
      out.put(id);
      out.putInt(p.ordinal());
    }
    out.put(m.line());
    out.putInt(size);
  }

  @Override
  public int decode(byte[] data, int len, List<LogMessage> out) {
    return decode(data, len, out, Integer.MAX_VALUE);
  }

  /** Decodes at most {@code max} records; returns the bytes they used. */
  public int decode(byte[] data, int len, List<LogMessage> out, int max) {
    ByteBuffer b = ByteBuffer.wrap(data, 0, len);
    int used = 0;
    int decoded = 0;
    while (b.remaining() >= 4 && decoded++ < max) {
      int start = b.position();
      int size = b.getInt();
      if (size < 10 || b.remaining() < size + 4) {
        b.position(start);
        break;
      }
      LogStream stream = b.get() == 2 ? LogStream.STDERR : LogStream.STDOUT;
      long time = b.getLong();
      int flags = b.get();
      int headerLen = 10;
      PartialMeta partial = null;
      if ((flags & PARTIAL) != 0) {
        int idLen = b.getShort() & 0xffff;
        byte[] id = new byte[idLen];
        b.get(id);
        partial = new PartialMeta(new String(id, StandardCharsets.UTF_8), b.getInt(), (flags & LAST) != 0);
        headerLen += 2 + idLen + 4;
      }
      byte[] line = new byte[size - headerLen];
      b.get(line);
      b.getInt();
      out.add(new LogMessage(stream, line, time, partial));
      used = b.position();
    }
    return used;
  }

  @Override
  public long seekLast(FileChannel ch, long end, int n) throws IOException {
    ByteBuffer trailer = ByteBuffer.allocate(4);
    long pos = end;
    for (int i = 0; i < n && pos > 0; i++) {
      trailer.clear();
      ch.read(trailer, pos - 4);
      pos -= 8 + trailer.getInt(0);
    }
    return Math.max(pos, 0);
  }
}
