package io.berth.dns.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsResponse;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS messages to and from bytes with Netty's codec, called directly rather than as pipeline stages so the server
 * keeps the raw query (forwarding passes bytes through untouched) and knows each answer's size before it is sent.
 * UDP and TCP share it: a TCP frame is the same message without the two length bytes.
 */
public final class WireCodec {
  private final QueryDecoder queries = new QueryDecoder();
  private final ResponseDecoder responses = new ResponseDecoder();
  private final ResponseEncoder encoder = new ResponseEncoder();

  /**
   * Decodes a query; the caller releases it.
   *
   * @throws Exception when the bytes are not a well-formed DNS message
   */
  public DnsQuery decodeQuery(ByteBuf message, InetSocketAddress sender, InetSocketAddress recipient)
      throws Exception {
    return (DnsQuery) decodeWith(queries, message, sender, recipient);
  }

  /** Decodes an upstream response; the caller releases it. */
  public DnsResponse decodeResponse(ByteBuf message, InetSocketAddress sender, InetSocketAddress recipient)
      throws Exception {
    return (DnsResponse) decodeWith(responses, message, sender, recipient);
  }

  /** Encodes a response into a new buffer; the response itself is not released. */
  public ByteBuf encode(DatagramDnsResponse response) throws Exception {
    List<Object> out = new ArrayList<>(1);
    encoder.encodeDirect(response, out);
    return ((DatagramPacket) out.get(0)).content();
  }

  private static Object decodeWith(Decoder decoder, ByteBuf message, InetSocketAddress sender,
                                   InetSocketAddress recipient) throws Exception {
    List<Object> out = new ArrayList<>(1);
    // The decoder only reads the packet; the caller keeps ownership of the bytes.
    decoder.decodeDirect(new DatagramPacket(message.duplicate(), recipient, sender), out);
    if (out.isEmpty()) {
      throw new IllegalArgumentException("not a DNS message");
    }
    return out.get(0);
  }

  private interface Decoder {
    void decodeDirect(DatagramPacket packet, List<Object> out) throws Exception;
  }

  private static final class QueryDecoder extends DatagramDnsQueryDecoder implements Decoder {
    @Override
    public void decodeDirect(DatagramPacket packet, List<Object> out) throws Exception {
      decode(null, packet, out);
    }
  }

  private static final class ResponseDecoder extends DatagramDnsResponseDecoder implements Decoder {
    @Override
    public void decodeDirect(DatagramPacket packet, List<Object> out) throws Exception {
      decode(null, packet, out);
    }
  }

  private static final class ResponseEncoder extends DatagramDnsResponseEncoder {
    @SuppressWarnings({"unchecked", "rawtypes"})
    void encodeDirect(DatagramDnsResponse response, List<Object> out) throws Exception {
      // DatagramDnsResponse is an AddressedEnvelope of itself; the encoder's generic bound cannot say so.
      encode(null, (AddressedEnvelope) response, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx,
                                     AddressedEnvelope<DnsResponse, InetSocketAddress> msg) {
      return PooledByteBufAllocator.DEFAULT.ioBuffer(512);
    }
  }
}
