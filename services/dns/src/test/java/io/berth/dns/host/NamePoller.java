package io.berth.dns.host;

import io.berth.dns.domain.Addresses;
import io.berth.host.NetnsHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Asks a resolver for a name from inside a sandbox until it answers with an address: the next query leaves as
 * soon as the previous one was answered without one (or after 1 ms without an answer). It waits in the kernel
 * instead of spinning, so the poller does not take a core from the server it measures.
 */
final class NamePoller implements AutoCloseable {
  private final DatagramChannel channel;
  private final Selector selector;
  private final InetSocketAddress server;
  private final ByteBuffer in = ByteBuffer.allocate(1500);

  NamePoller(NetnsHandle sandbox, String serverIp) throws IOException {
    this.channel = sandbox.openDatagramChannel(new InetSocketAddress(0));
    this.channel.configureBlocking(false);
    this.selector = Selector.open();
    this.channel.register(selector, SelectionKey.OP_READ);
    this.server = new InetSocketAddress(Addresses.parse(serverIp), 53);
  }

  /** Polls until {@code name} has an A record or the deadline passes; returns whether it answered. */
  boolean awaitAnswer(String name, long timeoutNanos) throws IOException {
    byte[] q = PacketFuzzer.query(name, 1, false);
    // an id per name, so a late answer about the previous name is not taken for this one
    int id = name.hashCode() & 0xffff;
    q[0] = (byte) (id >> 8);
    q[1] = (byte) id;
    long deadline = System.nanoTime() + timeoutNanos;
    while (System.nanoTime() < deadline) {
      channel.send(ByteBuffer.wrap(q), server);
      if (selector.select(1) == 0) {
        continue;
      }
      selector.selectedKeys().clear();
      in.clear();
      while (channel.receive(in) != null) {
        boolean ours = in.position() >= 12 && (in.getShort(0) & 0xffff) == id;
        if (ours && (in.get(3) & 0x0f) == 0 && in.getShort(6) > 0) {
          return true;
        }
        in.clear();
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
    selector.close();
    channel.close();
  }
}
