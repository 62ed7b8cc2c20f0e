package io.berth.dns.server;

import io.berth.dns.domain.RecordSnapshot;
import io.berth.dns.domain.Resolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The embedded resolver assembled: listeners, query handling and forwarding in one namespace, on its own event
 * loops (kept apart from Vert.x's so a query burst never delays the service's HTTP or Kafka work).
 */
public final class EmbeddedResolver implements AutoCloseable {
  /** DNS's port. */
  public static final int PORT = 53;

  private final EventLoopGroup group;
  private final Forwarder forwarder;
  private final DnsServer server;
  private final DnsMetrics metrics;

  /**
   * Tunables.
   *
   * @param threads        event loops (and UDP sockets per address)
   * @param timeout        per-upstream timeout
   * @param maxConcurrent  forwarded queries in flight at most
   * @param steering       which event loop a datagram goes to (see {@link Transport})
   */
  public record Options(int threads, Duration timeout, int maxConcurrent, DatagramSteering steering) {
    /** Docker's figures, with one event loop per core. */
    public static Options defaults() {
      return new Options(Math.max(1, Runtime.getRuntime().availableProcessors()), Forwarder.DEFAULT_TIMEOUT,
          Forwarder.DEFAULT_MAX_CONCURRENT, DatagramSteering.HASH);
    }

    public Options withTimeout(Duration t) {
      return new Options(threads, t, maxConcurrent, steering);
    }

    public Options withMaxConcurrent(int n) {
      return new Options(threads, timeout, n, steering);
    }

    public Options withThreads(int n) {
      return new Options(n, timeout, maxConcurrent, steering);
    }

    public Options withSteering(DatagramSteering s) {
      return new Options(threads, timeout, maxConcurrent, s);
    }
  }

  public EmbeddedResolver(ListenNamespace namespace, Supplier<RecordSnapshot> records, RequesterPolicy policy,
                          Options options, MeterRegistry registry) {
    // Steering by CPU gives socket i the datagrams of CPU i, so it needs a loop (and a socket) for every CPU.
    DatagramSteering steering = options.steering().cpus() == options.threads() ? options.steering()
        : DatagramSteering.HASH;
    Transport transport = new Transport(namespace, steering);
    WireCodec codec = new WireCodec();
    this.metrics = new DnsMetrics(registry);
    this.group = transport.newGroup(options.threads(), "berth-dns");
    this.forwarder = new Forwarder(transport, group, codec, options.timeout(), options.maxConcurrent(), metrics);
    QueryHandler handler = new QueryHandler(records, new Resolver(), policy, forwarder, codec, metrics);
    this.server = new DnsServer(transport, group, options.threads(), handler, codec);
  }

  /** Answers on {@code address:53} for the network. */
  public CompletableFuture<Void> listen(String networkId, InetAddress address) {
    return server.listen(networkId, address, PORT);
  }

  /** Answers on {@code address:port} for the network (tests and benchmarks on other ports). */
  public CompletableFuture<Void> listen(String networkId, InetAddress address, int port) {
    return server.listen(networkId, address, port);
  }

  /** Stops answering for the network. */
  public void unlisten(String networkId) {
    server.unlisten(networkId);
  }

  public Set<DnsServer.Listener> listeners() {
    return server.listeners();
  }

  public DnsMetrics metrics() {
    return metrics;
  }

  public Forwarder forwarder() {
    return forwarder;
  }

  @Override
  public void close() {
    server.close();
    forwarder.close();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
