package io.berth.logging.driver.gelf;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.remote.RemoteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * GELF over UDP (compressed gzip/zlib/none; messages over {@value #CHUNK_SIZE} bytes split into chunks with magic
 * {@code 0x1e 0x0f}, an 8-byte message id, sequence number and count, at most 128 chunks, as Graylog2/go-gelf does) or
 * TCP (uncompressed, each message ended by a NUL byte).
 */
public final class GelfSink implements RemoteSink {
  public static final int CHUNK_SIZE = 1420;
  private static final int HEADER = 12;
  private static final int MAX_CHUNKS = 128;

  private final URI address;
  private final GelfMessage format;
  private final String compression;
  private final int level;
  private DatagramSocket udp;
  private Socket tcp;
  private OutputStream tcpOut;

  public GelfSink(URI address, GelfMessage format, String compression, int level) {
    this.address = address;
    this.format = format;
    this.compression = compression;
    this.level = level;
  }

  @Override public String driver() { return "gelf"; }

  @Override
  public void send(List<LogMessage> batch) throws IOException {
    if (address.getScheme().equals("tcp")) {
      if (tcp == null) {
        tcp = new Socket();
        tcp.connect(new InetSocketAddress(address.getHost(), address.getPort()), 5000);
        tcpOut = tcp.getOutputStream();
      }
      ByteArrayOutputStream all = new ByteArrayOutputStream(batch.size() * 300);
      for (LogMessage m : batch) {
        all.write(format.encode(m));
        all.write(0);
      }
      tcpOut.write(all.toByteArray());
      tcpOut.flush();
      return;
    }
    if (udp == null) {
      udp = new DatagramSocket();
      udp.connect(new InetSocketAddress(address.getHost(), address.getPort()));
    }
    for (LogMessage m : batch) {
      for (byte[] packet : packets(compress(format.encode(m)))) {
        udp.send(new DatagramPacket(packet, packet.length));
      }
    }
  }

  private Deflater deflater;
  private byte[] deflated = new byte[64 * 1024];
  private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();

  /** gzip or zlib with one reused {@link Deflater} (a new one per message costs more than the compression). */
  byte[] compress(byte[] json) {
    if (compression.equals("none")) return json;
    boolean gzip = !compression.equals("zlib");
    if (deflater == null) deflater = new Deflater(level, gzip);
    deflater.reset();
    deflater.setInput(json);
    deflater.finish();
    int header = gzip ? 10 : 0;
    int n = header;
    while (!deflater.finished()) {
      if (n == deflated.length) deflated = java.util.Arrays.copyOf(deflated, deflated.length * 2);
      n += deflater.deflate(deflated, n, deflated.length - n);
    }
    if (!gzip) return java.util.Arrays.copyOf(deflated, n);
    byte[] out = new byte[n + 8];
    System.arraycopy(deflated, 0, out, 0, n);
    out[0] = 0x1f;
    out[1] = (byte) 0x8b;
    out[2] = 8;
    out[9] = (byte) 0xff;
    crc.reset();
    crc.update(json);
    long c = crc.getValue();
    for (int i = 0; i < 4; i++) out[n + i] = (byte) (c >>> (8 * i));
    for (int i = 0; i < 4; i++) out[n + 4 + i] = (byte) (json.length >>> (8 * i));
    return out;
  }

  /** The UDP datagrams of one (compressed) message: itself, or its chunks. */
  public static List<byte[]> packets(byte[] data) throws IOException {
    if (data.length <= CHUNK_SIZE) return List.of(data);
    int body = CHUNK_SIZE - HEADER;
    int count = (data.length + body - 1) / body;
    if (count > MAX_CHUNKS) {
      throw new IOException("msg too large, would need " + count + " chunks");
    }
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    java.util.ArrayList<byte[]> out = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int off = i * body;
      int len = Math.min(body, data.length - off);
      byte[] p = new byte[HEADER + len];
      p[0] = 0x1e;
      p[1] = 0x0f;
      System.arraycopy(id, 0, p, 2, 8);
      p[10] = (byte) i;
      p[11] = (byte) count;
      System.arraycopy(data, off, p, HEADER, len);
      out.add(p);
    }
    return out;
  }

  @Override
  public void close() {
    try {
      if (tcp != null) tcp.close();
    } catch (IOException ignored) {
      // already broken
    }
    if (udp != null) udp.close();
    tcp = null;
    tcpOut = null;
    udp = null;
  }
}
