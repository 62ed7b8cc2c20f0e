package io.berth.logging.driver.syslog;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.host.UnixDatagram;
import io.berth.logging.remote.RemoteSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.List;
import io.berth.logging.tls.TlsClient;

/**
 * Sends syslog messages over {@code udp}, {@code tcp}, {@code tcp+tls}, {@code unix} (stream) or {@code unixgram}.
 * With {@code tcp+tls} the handshake happens at connect ({@link TlsClient}), with the client certificate when one is
 * configured, and the server's certificate must name the address's host unless verification is skipped.
 */
public final class SyslogSink implements RemoteSink {
  private final URI address;
  private final SyslogFormat format;
  private final TlsClient tls;
  private DatagramSocket udp;
  private UnixDatagram unixgram;
  private OutputStream stream;
  private Socket socket;
  private SocketChannel unixStream;

  public SyslogSink(URI address, SyslogFormat format, TlsClient tls) {
    this.address = address;
    this.format = format;
    this.tls = tls;
  }

  @Override public String driver() { return "syslog"; }

  @Override
  public void send(List<LogMessage> batch) throws IOException {
    String scheme = address.getScheme();
    switch (scheme) {
      case "udp" -> {
        if (udp == null) {
          udp = new DatagramSocket();
          udp.connect(new InetSocketAddress(address.getHost(), port()));
        }
        for (LogMessage m : batch) {
          byte[] b = format.encode(m);
          udp.send(new DatagramPacket(b, b.length));
        }
      }
      case "unixgram" -> {
        if (unixgram == null) unixgram = new UnixDatagram(address.getPath());
        for (LogMessage m : batch) {
          byte[] b = format.encode(m);
          unixgram.send(b, b.length);
        }
      }
      default -> {
        OutputStream out = stream();
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(batch.size() * 128);
        for (LogMessage m : batch) all.write(format.encode(m));
        out.write(all.toByteArray());
        out.flush();
      }
    }
  }

  private OutputStream stream() throws IOException {
    if (stream != null) return stream;
    switch (address.getScheme()) {
      case "unix" -> {
        unixStream = SocketChannel.open(StandardProtocolFamily.UNIX);
        unixStream.connect(UnixDomainSocketAddress.of(address.getPath()));
        stream = Channels.newOutputStream(unixStream);
      }
      case "tcp+tls" -> {
        socket = tls.connect(address.getHost(), port(), 5000);
        stream = socket.getOutputStream();
      }
      default -> {
        socket = new Socket();
        socket.connect(new InetSocketAddress(address.getHost(), port()), 5000);
        stream = socket.getOutputStream();
      }
    }
    return stream;
  }

  private int port() {
    return address.getPort() < 0 ? 514 : address.getPort();
  }

  @Override
  public void close() {
    try {
      if (socket != null) socket.close();
      if (unixStream != null) unixStream.close();
    } catch (IOException ignored) {
      // closing a broken connection
    }
    if (udp != null) udp.close();
    if (unixgram != null) unixgram.close();
    socket = null;
    unixStream = null;
    stream = null;
    udp = null;
    unixgram = null;
  }

  static ByteBuffer wrap(byte[] b) {
    return ByteBuffer.wrap(b);
  }
}
