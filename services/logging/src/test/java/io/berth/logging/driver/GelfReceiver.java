package io.berth.logging.driver;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A GELF input as Graylog implements it: UDP datagrams, chunked ones (magic 0x1e 0x0f, 8-byte id, sequence, count)
 * reassembled, gzip (0x1f 0x8b) or zlib (0x78) inflated, or plain JSON; TCP frames ended by NUL.
 */
final class GelfReceiver implements AutoCloseable {
  final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  final List<Integer> chunkCounts = new CopyOnWriteArrayList<>();
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Map<String, byte[][]> partial = new HashMap<>();

  GelfReceiver() throws IOException {
    udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    tcp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread u = new Thread(this::udpLoop, "gelf-udp");
    u.setDaemon(true);
    u.start();
    Thread t = new Thread(this::tcpLoop, "gelf-tcp");
    t.setDaemon(true);
    t.start();
  }

  int udpPort() { return udp.getLocalPort(); }
  int tcpPort() { return tcp.getLocalPort(); }

  private void udpLoop() {
    byte[] buf = new byte[65536];
    while (!udp.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.receive(p);
        byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
        if (data.length > 12 && data[0] == 0x1e && data[1] == 0x0f) {
          String id = java.util.HexFormat.of().formatHex(data, 2, 10);
          int seq = data[10];
          int count = data[11];
          byte[][] parts = partial.computeIfAbsent(id, k -> new byte[count][]);
          parts[seq] = java.util.Arrays.copyOfRange(data, 12, data.length);
          if (java.util.Arrays.stream(parts).allMatch(x -> x != null)) {
            partial.remove(id);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] part : parts) all.write(part);
            chunkCounts.add(count);
            messages.add(decode(all.toByteArray()));
          }
        } else {
          chunkCounts.add(1);
          messages.add(decode(data));
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private static JsonObject decode(byte[] data) throws IOException {
    InputStream in;
    if ((data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) in = new GZIPInputStream(new ByteArrayInputStream(data));
    else if ((data[0] & 0xff) == 0x78) in = new InflaterInputStream(new ByteArrayInputStream(data));
    else in = new ByteArrayInputStream(data);
    return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private void tcpLoop() {
    while (!tcp.isClosed()) {
      try (Socket s = tcp.accept(); InputStream in = s.getInputStream()) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
          if (b == 0) {
            messages.add(new JsonObject(frame.toString(StandardCharsets.UTF_8)));
            frame.reset();
          } else {
            frame.write(b);
          }
        }
      } catch (IOException e) {
        if (tcp.isClosed()) return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    udp.close();
    tcp.close();
  }
}
