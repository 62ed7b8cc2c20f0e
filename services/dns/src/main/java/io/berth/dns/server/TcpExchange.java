package io.berth.dns.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One query over a fresh TCP connection to an upstream (RFC 7766 framing), for answers that did not fit UDP. */
final class TcpExchange {
  /** An upstream's decoded answer with its bytes; the receiver releases both. */
  record Answer(DnsResponse response, ByteBuf bytes) {}

  private TcpExchange() {}

  static CompletableFuture<Answer> ask(Transport transport, EventLoopGroup group, WireCodec codec,
                                       InetSocketAddress upstream, ByteBuf query, long timeoutMillis) {
    CompletableFuture<Answer> result = new CompletableFuture<>();
    Bootstrap b = new Bootstrap().group(group).channelFactory(transport.client(upstream.getAddress()))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeoutMillis)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2));
            ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                try {
                  DnsResponse r = codec.decodeResponse(frame, upstream, (InetSocketAddress) ctx.channel().localAddress());
                  if (!result.complete(new Answer(r, frame.retainedDuplicate()))) {
                    r.release();
                  }
                } catch (Exception e) {
                  result.completeExceptionally(e);
                }
                ctx.close();
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                result.completeExceptionally(cause);
                ctx.close();
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                result.completeExceptionally(new IllegalStateException("upstream closed the connection"));
              }
            });
          }
        });
    b.connect(upstream).addListener((ChannelFutureListener) f -> {
      if (!f.isSuccess()) {
        query.release();
        result.completeExceptionally(f.cause());
        return;
      }
      Channel ch = f.channel();
      ScheduledFuture<?> timer = ch.eventLoop().schedule(() -> {
        result.completeExceptionally(new TimeoutException("TCP upstream " + upstream));
        ch.close();
      }, timeoutMillis, TimeUnit.MILLISECONDS);
      result.whenComplete((r, e) -> timer.cancel(false));
      ByteBuf length = ch.alloc().buffer(2).writeShort(query.readableBytes());
      ch.write(length);
      ch.writeAndFlush(query);
    });
    return result;
  }
}
