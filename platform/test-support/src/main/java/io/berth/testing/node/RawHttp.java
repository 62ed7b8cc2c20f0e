package io.berth.testing.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a unix socket, byte for byte, so tests see exactly what the docker CLI would see (status, headers,
 * body) without any client library normalising it.
 */
public final class RawHttp {
  private RawHttp() {}

  /** A parsed reply; header names are lower-cased. */
  public record Reply(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public static Reply request(Path socket, String method, String path, String contentType, byte[] body) throws IOException {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      StringBuilder head = new StringBuilder()
          .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: docker\r\nUser-Agent: berth-tests\r\nConnection: close\r\n");
      if (body != null) {
        head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      write(ch, head.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null) write(ch, body);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      while (ch.read(buf) >= 0) {
        all.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      return parse(all.toString(StandardCharsets.UTF_8), "HEAD".equals(method));
    }
  }

  public static Reply get(Path socket, String path) throws IOException {
    return request(socket, "GET", path, null, null);
  }

  private static void write(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) ch.write(b);
  }

  private static Reply parse(String raw, boolean head) {
    int split = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, split < 0 ? raw.length() : split).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = split < 0 || head ? "" : raw.substring(split + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (pos < body.length()) {
      int eol = body.indexOf("\r\n", pos);
      if (eol < 0) break;
      int size = Integer.parseInt(body.substring(pos, eol).trim(), 16);
      if (size == 0) break;
      out.append(body, eol + 2, eol + 2 + size);
      pos = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
