package io.berth.dns.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DnsQuery;
import java.net.InetSocketAddress;

/**
 * One received query and the way back to its client. It owns the decoded query and its raw bytes until
 * {@link #release()}; {@link #send} takes ownership of the answer's bytes.
 */
public final class Exchange {
  private final Channel channel;
  private final boolean tcp;
  private final String networkId;
  private final InetSocketAddress client;
  private final InetSocketAddress local;
  private final DnsQuery query;
  private final ByteBuf raw;
  private boolean inRead = true;

  Exchange(Channel channel, boolean tcp, String networkId, InetSocketAddress client, InetSocketAddress local,
           DnsQuery query, ByteBuf raw) {
    this.channel = channel;
    this.tcp = tcp;
    this.networkId = networkId;
    this.client = client;
    this.local = local;
    this.query = query;
    this.raw = raw;
  }

  public boolean tcp() {
    return tcp;
  }

  /** The network whose listener received the query. */
  public String networkId() {
    return networkId;
  }

  public InetSocketAddress client() {
    return client;
  }

  public InetSocketAddress local() {
    return local;
  }

  public DnsQuery query() {
    return query;
  }

  /** The allocator of the channel the answer leaves by. */
  ByteBufAllocator alloc() {
    return channel.alloc();
  }

  /** The query as it came over the wire (without TCP's length bytes). */
  public ByteBuf raw() {
    return raw;
  }

  /** Marks that the answer comes later, from another thread: {@link #send} must then flush by itself. */
  void detach() {
    inRead = false;
  }

  /** Sends an answer (a whole DNS message); answers given while the read is handled are flushed in one batch. */
  void send(ByteBuf message) {
    Object out;
    if (tcp) {
      ByteBuf length = channel.alloc().buffer(2).writeShort(message.readableBytes());
      out = Unpooled.wrappedBuffer(length, message);
    } else {
      out = new DatagramPacket(message, client);
    }
    if (inRead) {
      channel.write(out, channel.voidPromise());
    } else {
      channel.writeAndFlush(out, channel.voidPromise());
    }
  }

  /** Releases the query and its bytes. */
  void release() {
    query.release();
    raw.release();
  }
}
