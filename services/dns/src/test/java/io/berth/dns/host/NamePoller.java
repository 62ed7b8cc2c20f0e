package io.berth.dns.host;

import io.berth.dns.domain.Addresses;
import io.berth.host.NetnsHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** Asks a resolver for a name from inside a sandbox every 100 µs until it answers with an address. */
final class NamePoller implements AutoCloseable {
  private final DatagramChannel channel;
  private final InetSocketAddress server;
  private final ByteBuffer in = ByteBuffer.allocate(1500);

  NamePoller(NetnsHandle sandbox, String serverIp) throws IOException {
    this.channel = sandbox.openDatagramChannel(new InetSocketAddress(0));
    this.channel.configureBlocking(false);
    this.server = new InetSocketAddress(Addresses.parse(serverIp), 53);
  }

  /** Polls until {@code name} has an A record or the deadline passes; returns whether it answered. */
  boolean awaitAnswer(String name, long timeoutNanos) throws IOException {
    byte[] q = PacketFuzzer.query(name, 1, false);
    long deadline = System.nanoTime() + timeoutNanos;
    while (System.nanoTime() < deadline) {
      channel.send(ByteBuffer.wrap(q), server);
      long waitUntil = System.nanoTime() + 100_000;
      while (System.nanoTime() < waitUntil) {
        in.clear();
        if (channel.receive(in) != null && in.position() >= 12 && (in.get(3) & 0x0f) == 0 && in.getShort(6) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Discards late answers. */
  void drain() throws IOException {
    in.clear();
    while (channel.receive(in) != null) {
      in.clear();
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
