package io.berth.dns.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded resolver's listeners: for each name-resolving network, UDP and TCP on its gateway address (the
 * aardvark-dns placement), in the server's {@link ListenNamespace}. A listener knows its network, so the handler can
 * tell members from strangers. Malformed packets are dropped; a malformed TCP stream is closed.
 */
public final class DnsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
  /** Idle TCP clients are disconnected after this many seconds. */
  private static final int TCP_IDLE_SECONDS = 10;

  private final Transport transport;
  private final EventLoopGroup group;
  private final QueryHandler handler;
  private final WireCodec codec;
  private final int udpSockets;
  private final Map<Listener, List<Channel>> listeners = new ConcurrentHashMap<>();

  /**
   * @param transport  sockets in the listening namespace
   * @param group      the event loops that serve queries
   * @param threads    how many event loops {@code group} has (one UDP socket each when the kernel can share a port)
   */
  public DnsServer(Transport transport, EventLoopGroup group, int threads, QueryHandler handler, WireCodec codec) {
    this.transport = transport;
    this.group = group;
    this.handler = handler;
    this.codec = codec;
    this.udpSockets = transport.reusePort() ? Math.max(1, threads) : 1;
  }

  /** One listening address of a network. */
  public record Listener(String networkId, InetSocketAddress address) {}

  /** Starts answering on {@code address:port} for {@code networkId}; listening twice is a no-op. */
  public synchronized CompletableFuture<Void> listen(String networkId, InetAddress address, int port) {
    Listener key = new Listener(networkId, new InetSocketAddress(address, port));
    if (listeners.containsKey(key)) {
      return CompletableFuture.completedFuture(null);
    }
    List<ChannelFuture> binds = new ArrayList<>();
    CompletableFuture<Void> udpBound = bindUdp(networkId, key.address(), binds);
    ServerBootstrap tcp = new ServerBootstrap().group(group).channelFactory(transport.server(address))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new ReadTimeoutHandler(TCP_IDLE_SECONDS));
            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2));
            ch.pipeline().addLast(new TcpQueries(networkId));
          }
        });
    transport.listenOptions(tcp, false);
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<Channel> channels = new ArrayList<>();
    listeners.put(key, channels);
    udpBound.thenCompose(v -> {
          ChannelFuture bound = tcp.bind(key.address());
          binds.add(bound);
          return toFuture(bound);
        })
        .whenComplete((v, e) -> {
          binds.forEach(b -> channels.add(b.channel()));
          if (e != null) {
            channels.forEach(Channel::close);
            listeners.remove(key, channels);
            done.completeExceptionally(e);
          } else {
            LOG.info("resolver for network {} listening on {} (udp x{}, tcp) in namespace {}", networkId,
                key.address(), udpSockets, transport.namespace().name());
            done.complete(null);
          }
        });
    return done;
  }

  /**
   * Binds the UDP sockets of one address one after the other, socket {@code i} on event loop {@code i}, so that a
   * socket's index in the {@code SO_REUSEPORT} group is its loop's: with {@link Transport#steersByCpu()}, datagrams
   * handled on CPU {@code i} then go to socket {@code i}, read by loop {@code i}. Every channel made is added to
   * {@code binds}, bound or not, so a failure can close them all.
   */
  private CompletableFuture<Void> bindUdp(String networkId, InetSocketAddress address, List<ChannelFuture> binds) {
    List<EventLoop> loops = new ArrayList<>();
    group.forEach(e -> loops.add((EventLoop) e));
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = 0; i < udpSockets; i++) {
      EventLoopGroup loop = udpSockets == loops.size() ? loops.get(i) : group;
      chain = chain.thenCompose(v -> {
        Bootstrap udp = new Bootstrap().group(loop).channelFactory(transport.datagram(address.getAddress()))
            .handler(new UdpQueries(networkId));
        transport.listenOptions(udp, true);
        ChannelFuture bound = udp.bind(address);
        binds.add(bound);
        return toFuture(bound);
      });
    }
    return chain.thenRun(() -> {
      if (udpSockets == loops.size()) {
        transport.steer(binds.get(0).channel());
      }
    });
  }

  /** Stops every listener of a network. */
  public synchronized void unlisten(String networkId) {
    listeners.keySet().removeIf(k -> {
      if (k.networkId().equals(networkId)) {
        listeners.get(k).forEach(Channel::close);
        return true;
      }
      return false;
    });
  }

  /** The listeners now bound. */
  public Set<Listener> listeners() {
    return listeners.keySet().stream().collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public synchronized void close() {
    listeners.values().forEach(chs -> chs.forEach(Channel::close));
    listeners.clear();
  }

  private static CompletableFuture<Void> toFuture(ChannelFuture f) {
    CompletableFuture<Void> c = new CompletableFuture<>();
    f.addListener(x -> {
      if (x.isSuccess()) {
        c.complete(null);
      } else {
        c.completeExceptionally(x.cause());
      }
    });
    return c;
  }

  /** Datagrams: one query each; answers given during a read burst go out in one flush. */
  private final class UdpQueries extends ChannelInboundHandlerAdapter {
    private final String networkId;

    UdpQueries(String networkId) {
      this.networkId = networkId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      try {
        DnsQuery query;
        try {
          query = codec.decodeQuery(packet.content(), packet.sender(), packet.recipient());
        } catch (Exception | AssertionError e) {
          handler.malformed();
          return;
        }
        handler.handle(new Exchange(ctx.channel(), false, networkId, packet.sender(), packet.recipient(), query,
            packet.content().retainedDuplicate()));
      } finally {
        ReferenceCountUtil.release(packet);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("udp listener {}: {}", networkId, cause.toString());
    }
  }

  /** A TCP connection: length-prefixed queries, possibly several. */
  @ChannelHandler.Sharable
  private final class TcpQueries extends ChannelInboundHandlerAdapter {
    private final String networkId;

    TcpQueries(String networkId) {
      this.networkId = networkId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf frame = (ByteBuf) msg;
      InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
      InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
      try {
        DnsQuery query;
        try {
          query = codec.decodeQuery(frame, client, local);
        } catch (Exception | AssertionError e) {
          handler.malformed();
          ctx.close();
          return;
        }
        handler.handle(new Exchange(ctx.channel(), true, networkId, client, local, query, frame.retainedDuplicate()));
      } finally {
        frame.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
