package io.berth.logging.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.PartialMeta;
import io.berth.logging.domain.Rfc3339;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Docker's json-file line, byte for byte: {@code {"log":"...\n","stream":"stdout","attrs":{...},"time":"RFC3339Nano"}}
 * then a newline. Escaping follows moby's {@code jsonlog.ffjsonWriteJSONBytesAsString}: the bytes {@code < > &} and
 * control bytes as six-character unicode escapes, newline, carriage return, quote and backslash as two-character
 * escapes, invalid UTF-8 as the escaped replacement character, U+2028 and U+2029 escaped.
 */
public final class JsonLogFormat implements LogFormat {
  private static final byte[] HEX = "0123456789abcdef".getBytes();
  private static final byte[] STDOUT = "\",\"stream\":\"stdout\"".getBytes();
  private static final byte[] STDERR = "\",\"stream\":\"stderr\"".getBytes();
  private static final JsonFactory JSON = new JsonFactory();

  private final byte[] attrs;
  private final Rfc3339 time = new Rfc3339();

  /** @param attrsJson the {@code attrs} object already marshalled, or null when the container has none */
  public JsonLogFormat(String attrsJson) {
    this.attrs = attrsJson == null ? null : attrsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void encode(LogMessage m, ByteBuf out) {
    byte[] line = m.line();
    boolean newline = m.endsLine();
    // A message is never empty once the newline is added; an empty partial piece has no "log" key in Docker.
    if (line.length == 0 && !newline) {
      out.putAscii("{\"stream\":\"" + m.stream().wire() + "\"");
    } else {
      out.putAscii("{\"log\":\"");
      escape(line, out);
      if (newline) out.putAscii("\\n");
      out.put(m.stream() == LogStream.STDOUT ? STDOUT : STDERR);
    }
    if (attrs != null) {
      out.putAscii(",\"attrs\":");
      out.put(attrs);
    }
    out.putAscii(",\"time\":\"");
    int p = out.reserve(40);
    out.setSize(time.write(m.timeNanos(), out.array(), p, false));
    out.putAscii("\"}\n");
  }

  public static void escape(byte[] s, ByteBuf out) {
    int start = 0;
    int n = s.length;
    out.reserve(n + 16);
    int i = 0;
    while (i < n) {
      int b = s[i] & 0xff;
      if (b < 0x80) {
        if (b >= 0x20 && b != '\\' && b != '"' && b != '<' && b != '>' && b != '&') {
          i++;
          continue;
        }
        if (start < i) out.put(s, start, i - start);
        switch (b) {
          case '\\', '"' -> { out.put('\\'); out.put(b); }
          case '\n' -> { out.put('\\'); out.put('n'); }
          case '\r' -> { out.put('\\'); out.put('r'); }
          default -> { out.putAscii("\\u00"); out.put(HEX[b >> 4]); out.put(HEX[b & 0xf]); }
        }
        i++;
        start = i;
        continue;
      }
      int size = Utf8.runeLength(s, i);
      if (size < 0) {
        if (start < i) out.put(s, start, i - start);
        out.putAscii("\\ufffd");
        i++;
        start = i;
        continue;
      }
      if (size == 3 && b == 0xe2 && (s[i + 1] & 0xff) == 0x80 && ((s[i + 2] & 0xff) == 0xa8 || (s[i + 2] & 0xff) == 0xa9)) {
        if (start < i) out.put(s, start, i - start);
        out.putAscii("\\u202");
        out.put(HEX[(s[i + 2] & 0xff) == 0xa8 ? 8 : 9]);
        i += size;
        start = i;
        continue;
      }
      i += size;
    }
    if (start < n) out.put(s, start, n - start);
  }

  @Override
  public int decode(byte[] data, int len, List<LogMessage> out) {
    int start = 0;
    for (int i = 0; i < len; i++) {
      if (data[i] == '\n') {
        if (i > start) out.add(parse(data, start, i - start));
        start = i + 1;
      }
    }
    return start;
  }

  /** Parses one json-file line (without its newline). */
  public static LogMessage parse(byte[] data, int off, int len) {
    byte[] log = new byte[0];
    LogStream stream = LogStream.STDOUT;
    long time = 0;
    try (JsonParser p = JSON.createParser(data, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "log" -> log = p.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
          case "stream" -> stream = LogStream.of(p.getText());
          case "time" -> time = Rfc3339.parse(p.getText());
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("corrupt json-file line: " + e.getMessage(), e);
    }
    boolean whole = log.length > 0 && log[log.length - 1] == '\n';
    byte[] line = whole ? java.util.Arrays.copyOf(log, log.length - 1) : log;
    return new LogMessage(stream, line, time, whole ? null : new PartialMeta("", 0, false));
  }

  @Override
  public long seekLast(FileChannel ch, long end, int n) throws IOException {
    if (n <= 0) return end;
    ByteBuffer block = ByteBuffer.allocate(64 * 1024);
    long pos = end;
    int newlines = 0;
    // The byte at end-1 is the newline of the last record; it does not start a record.
    boolean skipFirst = true;
    while (pos > 0) {
      int size = (int) Math.min(block.capacity(), pos);
      pos -= size;
      block.clear().limit(size);
      while (block.hasRemaining()) {
        if (ch.read(block, pos + block.position()) < 0) break;
      }
      for (int i = size - 1; i >= 0; i--) {
        if (block.get(i) == '\n') {
          if (skipFirst && pos + i == end - 1) {
            skipFirst = false;
            continue;
          }
          if (++newlines == n) return pos + i + 1;
        }
      }
    }
    return 0;
  }
}
