package io.berth.dns;

import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.domain.ResolvConf;
import io.berth.dns.events.ContainerEventsConsumer;
import io.berth.dns.events.DnsEvents;
import io.berth.dns.events.EndpointLag;
import io.berth.dns.events.NetworkEventsConsumer;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.dns.host.CpuSteering;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.ListenNamespace;
import io.berth.dns.state.DnsState;
import io.berth.dns.state.DnsStateWrites;
import io.berth.dns.state.DnsView;
import io.berth.dns.state.StateFeed;
import io.berth.events.Topics;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dns service: an embedded resolver per user-defined network on its gateway address (UDP and TCP 53, in the
 * namespace the node runs in), names from the network service's endpoint events and the cluster map, forwarding of
 * other names, and each container's {@code resolv.conf}, {@code hosts} and {@code hostname}.
 *
 * <p>Start order: rebuild the state from {@code berth.dns.state}, follow the cluster map and load it, start the
 * resolver (it answers for every known endpoint at once), serve HTTP, then consume events.
 *
 * <p>daemon.json: {@code dns}, {@code dns-search}, {@code dns-opts} as Docker. The node's resolver file and the
 * resolver's tunables come from the constructor ({@link Settings}).
 */
public final class DnsService implements ServiceModule {
  /** The Hazelcast map of the resolver's state. */
  public static final String MAP = "berth.dns.records";
  private static final Logger LOG = LoggerFactory.getLogger(DnsService.class);

  private final ListenNamespace namespace;
  private final Settings settings;
  private DnsController controller;
  private ContainerPolicy policy;
  private EmbeddedResolver resolver;
  private StateFeed feed;
  private EndpointLag lag;

  /**
   * Where the node's own resolver configuration is, and how the embedded resolver runs.
   *
   * @param hostResolvConf the node's {@code resolv.conf} (upstreams when neither the container nor daemon.json names
   *                       any)
   * @param resolver       threads, per-upstream timeout, concurrent forwarded queries
   */
  public record Settings(Path hostResolvConf, EmbeddedResolver.Options resolver) {
    /** {@code /etc/resolv.conf} and Docker's figures. */
    public static Settings defaults() {
      return new Settings(Path.of("/etc/resolv.conf"), EmbeddedResolver.Options.defaults()
          .withSteering(new CpuSteering()));
    }
  }

  /** Listens in the namespace the process runs in. */
  public DnsService() {
    this(ListenNamespace.current(), Settings.defaults());
  }

  /**
   * Listens in the given namespace: sockets must be created where the gateway addresses live, e.g. a host-native
   * {@code NetnsHandle} wrapped by {@code io.berth.dns.host.NetnsListenNamespace}.
   */
  public DnsService(ListenNamespace namespace, Settings settings) {
    this.namespace = namespace;
    this.settings = settings;
  }

  @Override
  public String name() {
    return "dns";
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    var store = ctx.stateStore(Topics.DNS_STATE, MAP, DnsState.class);
    EmbeddedResolver.Options options = settings.resolver();
    Path resolvConf = settings.hostResolvConf();
    RecordStore records = new RecordStore();
    lag = new EndpointLag(ctx.metrics());
    ServiceHttp http = new ServiceHttp(ctx, name());
    return ctx.hostOps().run("dns.read-resolv-conf", () -> readHostResolvConf(resolvConf))
        .compose(host -> {
          NodeResolverSettings node = new NodeResolverSettings(ctx.config().dns(), ctx.config().dnsSearch(),
              ctx.config().dnsOptions(), host);
          DnsView view = new DnsView(records);
          SandboxConfigurer files = new SandboxConfigurer(ctx.node(), view, node,
              new SandboxFileWriter(ctx.config().dataRoot()), ctx.hostOps(), new DnsEvents(ctx.events(), ctx.node()));
          controller = new DnsController(ctx.node(), DnsStateWrites.of(store), view, files);
          policy = new ContainerPolicy(view, node);
          feed = new StateFeed(store, view);
          return store.rebuild();
        })
        .compose(n -> ctx.vertx().executeBlocking(() -> feed.start(), false))
        .compose(n -> {
          resolver = new EmbeddedResolver(namespace, records::snapshot, policy, options, ctx.metrics());
          controller.view().watch(new ResolverListeners(ctx.node(), resolver, ctx.vertx().getOrCreateContext()));
          LOG.info("dns state loaded: {} entries, {} name-resolving endpoints", n, records.snapshot().size());
          return http.listen("127.0.0.1", 0);
        })
        .compose(server -> ctx.events().subscribe(Topics.NETWORK_EVENTS, "berth-dns-network-" + ctx.node(),
            new NetworkEventsConsumer(controller, lag)::handle))
        .compose(s -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-dns-container-" + ctx.node(),
            new ContainerEventsConsumer(controller)::handle))
        .mapEmpty();
  }

  /** The running controller (for in-process callers and tests). */
  public DnsController controller() {
    return controller;
  }

  /** Registration lag per hop (for in-process callers and benchmarks). */
  public EndpointLag endpointLag() {
    return lag;
  }

  /** The running resolver (for in-process callers and tests). */
  public EmbeddedResolver resolver() {
    return resolver;
  }

  @Override
  public Future<Void> stop() {
    if (feed != null) {
      feed.stop();
    }
    if (resolver != null) {
      resolver.close();
    }
    return Future.succeededFuture();
  }

  private static ResolvConf readHostResolvConf(Path file) throws IOException {
    try {
      return ResolvConf.parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      return ResolvConf.EMPTY;
    }
  }
}
