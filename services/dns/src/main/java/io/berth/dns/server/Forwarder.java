package io.berth.dns.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards queries the resolver does not own, as Docker's resolver does: the upstreams in order, one attempt each
 * with a timeout, moving on after a timeout, {@code SERVFAIL} or {@code REFUSED}, asking the same upstream again over
 * TCP when its UDP answer is truncated, and any other answer (NXDOMAIN included) passed through byte for byte, TTLs
 * untouched. At most {@code maxConcurrent} queries are in flight; beyond that the caller answers SERVFAIL at once.
 */
public final class Forwarder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
  /** Docker's {@code extIOTimeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);
  /** Docker's {@code maxConcurrent}. */
  public static final int DEFAULT_MAX_CONCURRENT = 1024;

  private final Transport transport;
  private final EventLoopGroup group;
  private final WireCodec codec;
  private final long timeoutMillis;
  private final int maxConcurrent;
  private final DnsMetrics metrics;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<Key, Attempt> pending = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  /**
   * Forwarded queries leave from one of this many UDP sockets per address family, picked at random for each attempt:
   * with the random transaction id, a blind spoofer has to guess the port too.
   */
  static final int UDP_SOCKETS = 16;

  private final Map<Integer, CompletableFuture<Channel>> udp = new ConcurrentHashMap<>();

  public Forwarder(Transport transport, EventLoopGroup group, WireCodec codec, Duration timeout, int maxConcurrent,
                   DnsMetrics metrics) {
    this.transport = transport;
    this.group = group;
    this.codec = codec;
    this.timeoutMillis = timeout.toMillis();
    this.maxConcurrent = maxConcurrent;
    this.metrics = metrics;
  }

  /** The number of forwarded queries waiting for an answer. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Forwards a query. The returned answer carries the upstream's transaction id; the caller puts its own back.
   *
   * @param query     the client's query bytes (not released here)
   * @param question  its question: an answer for another question is not taken (a blind spoofer must also guess it)
   * @param upstreams the servers to try, in order
   * @return the answer's bytes (the caller releases them), or a failure when every upstream failed or too many
   *     queries are in flight
   */
  public CompletableFuture<ByteBuf> forward(ByteBuf query, DnsQuestion question, List<InetSocketAddress> upstreams) {
    if (inFlight.incrementAndGet() > maxConcurrent) {
      inFlight.decrementAndGet();
      return CompletableFuture.failedFuture(new IllegalStateException("too many forwarded queries in flight"));
    }
    Attempt a = new Attempt(query.copy(), question, upstreams);
    a.result.whenComplete((r, e) -> {
      a.query.release();
      inFlight.decrementAndGet();
    });
    a.next();
    return a.result;
  }

  private CompletableFuture<Channel> udpChannel(InetAddress upstream) {
    int slot = random.nextInt(UDP_SOCKETS) * 2 + (upstream instanceof Inet4Address ? 0 : 1);
    return udp.computeIfAbsent(slot, k -> {
      CompletableFuture<Channel> f = new CompletableFuture<>();
      Bootstrap b = new Bootstrap().group(group).channelFactory(transport.datagram(upstream))
          .handler(new UdpAnswers());
      b.bind(new InetSocketAddress(0)).addListener(done -> {
        if (done.isSuccess()) {
          f.complete(((io.netty.channel.ChannelFuture) done).channel());
        } else {
          udp.remove(slot);
          f.completeExceptionally(done.cause());
        }
      });
      return f;
    });
  }

  /** Answers arriving on the shared UDP socket, matched to their attempt by upstream and transaction id. */
  private final class UdpAnswers extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      DnsResponse response;
      try {
        response = codec.decodeResponse(packet.content(), packet.sender(), packet.recipient());
      } catch (Exception e) {
        return; // not a DNS answer: ignore it, the attempt times out if nothing better comes
      }
      try {
        Key key = new Key(packet.sender(), response.id());
        Attempt a = pending.get(key);
        if (a != null && a.asked(response) && pending.remove(key, a)) {
          a.answered(response, packet.content().retainedDuplicate(), false);
        }
      } finally {
        response.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("upstream socket: {}", cause.toString());
    }
  }

  private record Key(InetSocketAddress upstream, int id) {}

  /** One forwarded query walking through its upstreams. */
  private final class Attempt {
    final ByteBuf query;
    final DnsQuestion question;
    final List<InetSocketAddress> upstreams;
    final CompletableFuture<ByteBuf> result = new CompletableFuture<>();
    int index = -1;
    Key key;
    ScheduledFuture<?> timer;

    Attempt(ByteBuf query, DnsQuestion question, List<InetSocketAddress> upstreams) {
      this.query = query;
      this.question = question;
      this.upstreams = upstreams;
    }

    /** Whether the response answers this attempt's question (same name, type and class). */
    boolean asked(DnsResponse response) {
      if (response.count(DnsSection.QUESTION) != 1) {
        return false;
      }
      DnsQuestion q = response.recordAt(DnsSection.QUESTION);
      return q.name().equalsIgnoreCase(question.name()) && q.type().equals(question.type())
          && q.dnsClass() == question.dnsClass();
    }

    synchronized void next() {
      if (result.isDone()) {
        return;
      }
      if (index >= 0) {
        metrics.failover();
      }
      index++;
      if (index >= upstreams.size()) {
        result.completeExceptionally(new IllegalStateException("no upstream answered"));
        return;
      }
      InetSocketAddress upstream = upstreams.get(index);
      Key k;
      do {
        k = new Key(upstream, random.nextInt(0x10000));
      } while (pending.putIfAbsent(k, this) != null);
      key = k;
      query.setShort(0, k.id());
      ByteBuf copy = query.copy();
      final Key sent = k;
      timer = group.next().schedule(() -> {
        if (pending.remove(sent, this)) {
          LOG.debug("upstream {} timed out", upstream);
          next();
        }
      }, timeoutMillis, TimeUnit.MILLISECONDS);
      udpChannel(upstream.getAddress()).whenComplete((ch, e) -> {
        if (e != null) {
          copy.release();
          if (pending.remove(sent, this)) {
            timer.cancel(false);
            next();
          }
          return;
        }
        ch.writeAndFlush(new DatagramPacket(copy, upstream));
      });
    }

    synchronized void answered(DnsResponse response, ByteBuf bytes, boolean overTcp) {
      if (timer != null) {
        timer.cancel(false);
      }
      if (result.isDone()) {
        bytes.release();
        return;
      }
      DnsResponseCode code = response.code();
      if (DnsResponseCode.SERVFAIL.equals(code) || DnsResponseCode.REFUSED.equals(code)) {
        bytes.release();
        next();
        return;
      }
      if (response.isTruncated() && !overTcp) {
        bytes.release();
        retryOverTcp(upstreams.get(index));
        return;
      }
      result.complete(bytes);
    }

    void retryOverTcp(InetSocketAddress upstream) {
      ByteBuf copy = query.copy();
      int id = query.getUnsignedShort(0);
      TcpExchange.ask(transport, group, codec, upstream, copy, timeoutMillis).whenComplete((answer, e) -> {
        if (e != null) {
          LOG.debug("TCP retry to {} failed: {}", upstream, e.toString());
          synchronized (this) {
            next();
          }
          return;
        }
        if (asked(answer.response())) {
          answered(answer.response(), answer.bytes(), true);
        } else {
          answer.bytes().release();
          synchronized (this) {
            next();
          }
        }
        answer.response().release();
      });
      LOG.trace("retrying {} over TCP (id {})", upstream, id);
    }
  }

  @Override
  public void close() {
    udp.values().forEach(f -> f.thenAccept(Channel::close));
    pending.values().forEach(a -> a.result.completeExceptionally(new IllegalStateException("closed")));
  }
}
