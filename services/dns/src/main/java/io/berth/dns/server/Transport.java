package io.berth.dns.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.bootstrap.AbstractBootstrap;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty channels for the resolver, created inside its {@link ListenNamespace}: native epoll when available (several
 * UDP sockets per address with {@code SO_REUSEPORT}, one per event loop, and {@code IP_FREEBIND} so a gateway
 * address that is still being configured, or an IPv6 address in duplicate address detection, can be bound
 * already), else NIO.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private final ListenNamespace namespace;
  private final boolean epoll;
  private final DatagramSteering steering;

  /**
   * With steering by CPU ({@link DatagramSteering}; given only when the event loops are as many as the CPUs the
   * process may use, numbered from 0), the UDP sockets of an address steer each datagram to the loop of the CPU it
   * arrives on: a container's query is handed over on the CPU its process runs on, and the loop woken there finds
   * the query in that CPU's cache. With the kernel's hash of the sender's address instead, a query as often wakes a
   * loop on another CPU. Steering needs native epoll.
   */
  public Transport(ListenNamespace namespace, DatagramSteering steering) {
    this.namespace = namespace;
    this.epoll = Epoll.isAvailable();
    this.steering = epoll ? steering : DatagramSteering.HASH;
  }

  /** An event loop group of this transport's kind. */
  public EventLoopGroup newGroup(int threads, String name) {
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new io.netty.util.concurrent.DefaultThreadFactory(name, true), io);
  }

  /** Whether UDP groups steer each datagram to the socket of the CPU that handles it. */
  boolean steersByCpu() {
    return steering != DatagramSteering.HASH;
  }

  /** Makes a UDP group steer by CPU, when this transport does; else nothing. */
  void steer(Channel member) {
    if (!steersByCpu() || !(member instanceof EpollDatagramChannel c)) {
      return;
    }
    try {
      steering.byCpu(c.fd().intValue());
    } catch (RuntimeException e) {
      LOG.warn("datagrams to {} are spread by hash, not by CPU: {}", c.localAddress(), e.getMessage());
    }
  }

  /** Whether several UDP sockets can share one address (the kernel spreads datagrams over them). */
  public boolean reusePort() {
    return epoll;
  }

  public ListenNamespace namespace() {
    return namespace;
  }

  ChannelFactory<DatagramChannel> datagram(InetAddress family) {
    SocketProtocolFamily f = family(family);
    return inNamespace(() -> epoll ? new EpollDatagramChannel(f) : new NioDatagramChannel(f));
  }

  ChannelFactory<ServerSocketChannel> server(InetAddress family) {
    SocketProtocolFamily f = family(family);
    return inNamespace(() -> epoll ? new EpollServerSocketChannel(f) : new NioServerSocketChannel());
  }

  ChannelFactory<SocketChannel> client(InetAddress family) {
    SocketProtocolFamily f = family(family);
    return inNamespace(() -> epoll ? new EpollSocketChannel(f) : new NioSocketChannel());
  }

  /**
   * The largest query datagram read: anything larger is cut and then dropped as malformed. Queries are a name and
   * an EDNS record; 4 KiB is EDNS's own practical ceiling.
   */
  static final int MAX_QUERY_DATAGRAM = 4096;
  /**
   * The receive buffer asked for a listening UDP socket: room for a few thousand queries, so a pause of the
   * event loop (a garbage collection, a busy core) delays queries instead of dropping them. The kernel caps it
   * at {@code net.core.rmem_max}.
   */
  private static final int UDP_RECEIVE_BUFFER = 1 << 20;
  /** Datagrams read per {@code recvmmsg} call. */
  private static final int DATAGRAMS_PER_READ = 16;

  /**
   * Options for a listening socket on an address that may not be configured yet. With epoll, UDP reads take up to
   * 16 datagrams per system call ({@code recvmmsg}), and the answers of one read burst leave in one
   * {@code sendmmsg}.
   */
  void listenOptions(AbstractBootstrap<?, ?> b, boolean udp) {
    b.option(ChannelOption.SO_REUSEADDR, true);
    if (udp) {
      b.option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER);
    }
    if (epoll) {
      b.option(EpollChannelOption.IP_FREEBIND, true);
      if (udp) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
        b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_QUERY_DATAGRAM);
        b.option(ChannelOption.RCVBUF_ALLOCATOR,
            new FixedRecvByteBufAllocator(MAX_QUERY_DATAGRAM * DATAGRAMS_PER_READ));
      }
    }
  }

  private static SocketProtocolFamily family(InetAddress a) {
    return a instanceof Inet4Address ? SocketProtocolFamily.INET : SocketProtocolFamily.INET6;
  }

  private <C extends Channel> ChannelFactory<C> inNamespace(Callable<C> make) {
    return () -> {
      try {
        return namespace.call(make);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot open a socket in namespace " + namespace.name(), e);
      }
    };
  }
}
