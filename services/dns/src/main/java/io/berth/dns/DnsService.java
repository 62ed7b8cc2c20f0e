package io.berth.dns;

import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.domain.ResolvConf;
import io.berth.dns.events.DnsEventsPublisher;
import io.berth.dns.events.EndpointLag;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.dns.host.CpuSteering;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.ListenNamespace;
import io.berth.dns.state.DnsState;
import io.berth.dns.state.DnsView;
import io.berth.dns.state.StateFeed;
import io.berth.events.Topics;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dns service: an embedded resolver per user-defined network on its gateway address (UDP and TCP 53, in the
 * namespace the node runs in), names from the network service's endpoint events and the cluster map, forwarding of
 * other names, and each container's {@code resolv.conf}, {@code hosts} and {@code hostname}.
 *
 * <p>Start order: rebuild the state from {@code berth.dns.state}, follow the cluster map and load it, deploy the
 * servers ({@link DnsServerVerticle}: the resolver, which answers for every known endpoint at once, and HTTP), then
 * the consumers ({@link DnsEventsVerticle}), so each runs on a context of its own.
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
  private final List<String> deployments = new ArrayList<>();
  private DnsController controller;
  private DnsServerVerticle server;
  private Vertx vertx;
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
    vertx = ctx.vertx();
    var store = ctx.stateStore(Topics.DNS_STATE, MAP, DnsState.class);
    Path resolvConf = settings.hostResolvConf();
    lag = new EndpointLag(ctx.metrics());
    return ctx.hostOps().run("dns.read-resolv-conf", () -> readHostResolvConf(resolvConf))
        .compose(host -> {
          NodeResolverSettings node = new NodeResolverSettings(ctx.config().dns(), ctx.config().dnsSearch(),
              ctx.config().dnsOptions(), host);
          DnsView view = new DnsView(new RecordStore());
          SandboxConfigurer files = new SandboxConfigurer(ctx.node(), view, node,
              new SandboxFileWriter(ctx.config().dataRoot()), ctx.hostOps(),
              new DnsEventsPublisher(ctx.events(), ctx.node()));
          controller = new DnsController(ctx.node(), store, view, files);
          server = new DnsServerVerticle(ctx.node(), namespace, view, new ContainerPolicy(view, node),
              settings.resolver(), ctx.metrics(), new ServiceHttp(ctx, name()));
          feed = new StateFeed(store, view);
          return store.rebuild();
        })
        .compose(n -> ctx.vertx().executeBlocking(() -> feed.start(), false))
        .compose(n -> {
          LOG.info("dns state loaded: {} entries, {} name-resolving endpoints", n,
              controller.view().records().snapshot().size());
          return ctx.vertx().deployVerticle(server);
        })
        .compose(id -> {
          deployments.add(id);
          return ctx.vertx().deployVerticle(new DnsEventsVerticle(ctx.events(), controller, lag));
        })
        .onSuccess(deployments::add)
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
    return server == null ? null : server.resolver();
  }

  /** Stops following the cluster map, then undeploys the events and the servers (the resolver closes). */
  @Override
  public Future<Void> stop() {
    if (feed != null) {
      feed.stop();
    }
    if (vertx == null) {
      return Future.succeededFuture();
    }
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id));
    }
    deployments.clear();
    return chain;
  }

  private static ResolvConf readHostResolvConf(Path file) throws IOException {
    try {
      return ResolvConf.parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      return ResolvConf.EMPTY;
    }
  }
}
