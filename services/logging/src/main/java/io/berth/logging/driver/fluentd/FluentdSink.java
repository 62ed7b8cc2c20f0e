package io.berth.logging.driver.fluentd;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.FluentdAddress;
import io.berth.logging.domain.FluentdOptions;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.file.ByteBuf;
import io.berth.logging.remote.RemoteSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fluentd forward protocol in message mode, as fluent-logger-golang sends for Docker: one MessagePack array
 * {@code [tag, time, record]} per line, record {@code container_id}, {@code container_name} ("/name"),
 * {@code source}, {@code log}, the partial fields and labels/env. Time is integer seconds, or EventTime with
 * {@code fluentd-sub-second-precision}. With {@code fluentd-request-ack} each batch's last entry carries a
 * {@code chunk} option and the batch counts as delivered only when the matching {@code ack} comes back.
 * {@code fluentd-write-timeout} bounds each write; {@code fluentd-async-reconnect-interval} renews the connection.
 * Retries, {@code fluentd-async} and {@code fluentd-buffer-limit} are the {@link io.berth.logging.remote.SendPolicy}
 * of the spool in front of this sink (see {@code LogDrivers}).
 */
public final class FluentdSink implements RemoteSink {
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fluentd-write-timeout");
    t.setDaemon(true);
    return t;
  });
  private final FluentdAddress address;
  private final String tag;
  private final ContainerInfo container;
  private final Map<String, String> attrs;
  private final boolean subSecond;
  private final boolean requestAck;
  private final long writeTimeoutMillis;
  private final long reconnectMillis;
  private long connectedAt;
  private final ByteBuf buf = new ByteBuf(64 * 1024);
  private Socket socket;
  private SocketChannel unix;
  private OutputStream out;
  private InputStream in;

  public FluentdSink(FluentdAddress address, String tag, ContainerInfo container, Map<String, String> attrs,
                     FluentdOptions options) {
    this.address = address;
    this.tag = tag;
    this.container = container;
    this.attrs = attrs;
    this.subSecond = options.subSecond();
    this.requestAck = options.requestAck();
    this.writeTimeoutMillis = options.writeTimeoutMillis();
    this.reconnectMillis = options.reconnectMillis();
  }

  @Override public String driver() { return "fluentd"; }

  @Override
  public void send(List<LogMessage> batch) throws IOException {
    connect();
    buf.clear();
    String chunk = null;
    for (int i = 0; i < batch.size(); i++) {
      boolean withAck = requestAck && i == batch.size() - 1;
      if (withAck) chunk = Base64.getEncoder().encodeToString(uuidBytes());
      encode(batch.get(i), withAck ? chunk : null);
    }
    write();
    if (chunk != null) awaitAck(chunk);
  }

  private void encode(LogMessage m, String chunk) {
    MsgPack.array(buf, chunk == null ? 3 : 4);
    MsgPack.str(buf, tag);
    if (subSecond) MsgPack.eventTime(buf, m.timeNanos());
    else MsgPack.uint32(buf, m.timeNanos() / 1_000_000_000L);
    int fields = 4 + attrs.size() + (m.partial() == null ? 0 : 4);
    MsgPack.map(buf, fields);
    MsgPack.str(buf, "container_id");
    MsgPack.str(buf, container.id());
    MsgPack.str(buf, "container_name");
    MsgPack.str(buf, "/" + container.name());
    MsgPack.str(buf, "source");
    MsgPack.str(buf, m.stream().wire());
    MsgPack.str(buf, "log");
    MsgPack.str(buf, m.line());
    if (m.partial() != null) {
      MsgPack.str(buf, "partial_message");
      MsgPack.str(buf, "true");
      MsgPack.str(buf, "partial_id");
      MsgPack.str(buf, m.partial().id());
      MsgPack.str(buf, "partial_ordinal");
      MsgPack.str(buf, Integer.toString(m.partial().ordinal()));
      MsgPack.str(buf, "partial_last");
      MsgPack.str(buf, Boolean.toString(m.partial().last()));
    }
    attrs.forEach((k, v) -> {
      MsgPack.str(buf, k);
      MsgPack.str(buf, v);
    });
    if (chunk != null) {
      MsgPack.map(buf, 1);
      MsgPack.str(buf, "chunk");
      MsgPack.str(buf, chunk);
    }
  }

  /**
   * Java sockets have no write deadline: with {@code fluentd-write-timeout} a watchdog closes the connection when a
   * write takes longer, which fails the write, and the batch is retried on a new connection.
   */
  private void write() throws IOException {
    if (writeTimeoutMillis <= 0) {
      out.write(buf.array(), 0, buf.size());
      out.flush();
      return;
    }
    AutoCloseable conn = socket != null ? socket : unix;
    ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
      try {
        conn.close();
      } catch (Exception ignored) {
        // closing is the point
      }
    }, writeTimeoutMillis, TimeUnit.MILLISECONDS);
    try {
      out.write(buf.array(), 0, buf.size());
      out.flush();
    } catch (IOException e) {
      throw watchdog.isDone() ? new IOException("fluentd: write timed out after " + writeTimeoutMillis + " ms", e) : e;
    } finally {
      watchdog.cancel(false);
    }
  }

  private void awaitAck(String chunk) throws IOException {
    // The reply is {"ack": chunk}: fixmap(1), "ack", then the chunk string; read and compare the bytes.
    ByteBuf expected = new ByteBuf(64);
    MsgPack.map(expected, 1);
    MsgPack.str(expected, "ack");
    MsgPack.str(expected, chunk);
    byte[] got = in.readNBytes(expected.size());
    if (!java.util.Arrays.equals(got, expected.toArray())) {
      throw new IOException("fluentd: no ack for chunk " + chunk);
    }
  }

  private void connect() throws IOException {
    if (out != null && reconnectMillis > 0 && System.nanoTime() - connectedAt >= reconnectMillis * 1_000_000L) {
      close(); // fluentd-async-reconnect-interval: look the address up again
    }
    if (out != null) return;
    connectedAt = System.nanoTime();
    if (address.protocol().equals("unix")) {
      unix = SocketChannel.open(StandardProtocolFamily.UNIX);
      unix.connect(UnixDomainSocketAddress.of(address.path()));
      out = Channels.newOutputStream(unix);
      in = Channels.newInputStream(unix);
    } else {
      socket = address.protocol().equals("tls") ? javax.net.ssl.SSLSocketFactory.getDefault().createSocket()
          : new Socket();
      socket.connect(new InetSocketAddress(address.host(), address.port()), 5000);
      socket.setSoTimeout(10_000);
      out = socket.getOutputStream();
      in = socket.getInputStream();
    }
  }

  private static byte[] uuidBytes() {
    UUID u = UUID.randomUUID();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return b.array();
  }

  @Override
  public void close() {
    try {
      if (socket != null) socket.close();
      if (unix != null) unix.close();
    } catch (IOException ignored) {
      // already broken
    }
    socket = null;
    unix = null;
    out = null;
    in = null;
  }
}
