package io.berth.dns;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.RecordStore;
import io.berth.dns.domain.SandboxFiles;
import io.berth.dns.domain.Upstreams;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.dns.server.RequesterPolicy;
import io.berth.dns.state.DnsState;
import io.berth.kit.state.StateStore;
import io.berth.kit.tracing.HostOps;
import io.vertx.core.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolver's state and what follows from it. Facts about this node's endpoints, containers and networks are
 * written to the durable state first (the node that owns a resource is its only writer), then applied; every node
 * applies every entry it sees in the cluster map, so each node's resolver answers for every endpoint of a network.
 * Applying is idempotent: the same entry from an event handler and from the map listener changes nothing twice.
 */
public final class DnsController {
  private static final Logger LOG = LoggerFactory.getLogger(DnsController.class);

  /** Where the embedded resolver listens; the service binds it to the real server. */
  public interface Listeners {
    /** Starts answering for the network on that address (a no-op when already listening). */
    Future<Void> listen(String networkId, InetAddress address);

    /** Stops answering for the network. */
    void unlisten(String networkId);
  }

  /** Announces a container's written files ({@code io.berth.dns.sandbox.configured}). */
  public interface Announcer {
    Future<Void> configured(String containerId, SandboxFileWriter.Paths paths, SandboxFiles files);
  }

  private final String node;
  private final StateStore<DnsState> state;
  private final RecordStore records;
  private final NodeResolverSettings settings;
  private final SandboxFileWriter files;
  private final HostOps hostOps;
  private final Announcer announcer;
  private final Map<String, ContainerDns> containers = new ConcurrentHashMap<>();
  private final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();
  private volatile Listeners listeners;

  public DnsController(String node, StateStore<DnsState> state, RecordStore records, NodeResolverSettings settings,
                       SandboxFileWriter files, HostOps hostOps, Announcer announcer) {
    this.node = node;
    this.state = state;
    this.records = records;
    this.settings = settings;
    this.files = files;
    this.hostOps = hostOps;
    this.announcer = announcer;
  }

  public String node() {
    return node;
  }

  /** Binds the resolver; networks already known start being served. */
  public void attach(Listeners value) {
    this.listeners = value;
    networks.keySet().forEach(this::ensureListening);
  }

  public RecordStore records() {
    return records;
  }

  // ---- facts about this node, from events ----

  /**
   * A container of this node joined a network. Its names answer as soon as this returns: the record is applied to
   * the local resolver first, so a lookup does not wait for the durable write (a Kafka acknowledgement and a cluster
   * map update, tens of milliseconds). If that write fails, the event is delivered again and the same record is
   * applied again, which changes nothing; other nodes learn the endpoint from the map once the write lands.
   */
  public Future<Void> endpointJoined(EndpointRecord e) {
    return endpointJoined(e, () -> { });
  }

  /** {@link #endpointJoined(EndpointRecord)}, running {@code onApplied} as soon as the name answers. */
  public Future<Void> endpointJoined(EndpointRecord e, Runnable onApplied) {
    ContainerDns c = containers.get(e.containerId());
    EndpointRecord full = c == null ? e : e.withHostname(c.hostname());
    DnsState s = DnsState.of(full);
    apply(s);
    onApplied.run();
    // The files are decided from the records just applied, so they need not wait for the durable write: the
    // handler (and with it the next event of the partition) finishes after the slower of the two.
    return Future.all(write(s), refreshFiles(e.containerId())).mapEmpty();
  }

  /** A container of this node left a network: its names stop answering at once, then the state is erased. */
  public Future<Void> endpointLeft(String endpointId, String containerId) {
    String key = DnsState.endpointKey(endpointId);
    forget(key);
    return Future.all(erase(key), refreshFiles(containerId)).mapEmpty();
  }

  /** A container of this node was created: its resolver settings. */
  public Future<Void> containerCreated(ContainerDns c) {
    Future<Void> chain = write(DnsState.of(c));
    for (EndpointRecord e : records.ofContainer(c.containerId())) {
      if (!e.hostname().equals(c.hostname())) {
        chain = chain.compose(v -> write(DnsState.of(e.withHostname(c.hostname()))));
      }
    }
    return chain.compose(v -> records.ofContainer(c.containerId()).isEmpty() ? Future.succeededFuture()
        : refreshFiles(c.containerId()));
  }

  /** A container of this node is gone: its settings, any endpoint left behind, its files. */
  public Future<Void> containerRemoved(String containerId) {
    Future<Void> chain = Future.succeededFuture();
    for (EndpointRecord e : records.ofContainer(containerId)) {
      chain = chain.compose(v -> erase(DnsState.endpointKey(e.endpointId())));
    }
    return chain.compose(v -> erase(DnsState.containerKey(containerId)))
        .compose(v -> hostOps.run("dns.files.delete", () -> {
          files.delete(containerId);
          return null;
        }));
  }

  /** A network was created by this node. */
  public Future<Void> networkCreated(NetworkInfo n) {
    return write(DnsState.of(n));
  }

  /** A network created by this node was removed. */
  public Future<Void> networkRemoved(String networkId) {
    return erase(DnsState.networkKey(networkId));
  }

  /**
   * A sandbox of this node is ready: the gateways its interfaces route through (network id → gateway) fill in
   * networks whose gateway is not known yet; its files are written.
   */
  public Future<Void> sandboxReady(String containerId, Map<String, String> gateways) {
    Future<Void> chain = Future.succeededFuture();
    for (var g : gateways.entrySet()) {
      NetworkInfo known = networks.get(g.getKey());
      NetworkInfo learnt = known != null ? known.withGateway(g.getValue()) : fromEndpoints(g.getKey(), g.getValue());
      if (learnt != null && !learnt.equals(known)) {
        chain = chain.compose(v -> write(DnsState.of(learnt)));
      }
    }
    return chain.compose(v -> refreshFiles(containerId));
  }

  private NetworkInfo fromEndpoints(String networkId, String gateway) {
    return records.onNetwork(networkId).stream().findFirst()
        .map(e -> new NetworkInfo(networkId, e.networkName(), "bridge", node, false, List.of(gateway),
            e.dnsEnabled()))
        .orElse(null);
  }

  // ---- the cluster map ----

  /** Applies one state entry (from this node's writes, the map listener or a rebuild). */
  public void apply(DnsState s) {
    if (s.endpoint() != null) {
      records.upsert(s.endpoint());
    } else if (s.container() != null) {
      containers.put(s.container().containerId(), s.container());
    } else if (s.network() != null) {
      networks.put(s.network().id(), s.network());
      ensureListening(s.network().id());
    }
  }

  /** Forgets the entry under {@code key}. */
  public void forget(String key) {
    int slash = key.indexOf('/');
    String id = key.substring(slash + 1);
    switch (key.substring(0, slash)) {
      case "endpoint" -> records.remove(id);
      case "container" -> containers.remove(id);
      case "network" -> {
        networks.remove(id);
        Listeners l = listeners;
        if (l != null) {
          l.unlisten(id);
        }
      }
      default -> LOG.debug("unknown state key {}", key);
    }
  }

  // ---- for the server ----

  /** The per-container settings the server reads while answering. */
  public RequesterPolicy policy() {
    return new RequesterPolicy() {
      @Override
      public List<InetSocketAddress> upstreams(String containerId) {
        return Upstreams.choose(containers.get(containerId), settings).stream()
            .map(a -> new InetSocketAddress(a, 53)).toList();
      }

      @Override
      public boolean setsNdots(String containerId) {
        ContainerDns c = containers.get(containerId);
        return c != null && c.setsNdots();
      }
    };
  }

  // ---- internals ----

  private Future<Void> write(DnsState s) {
    return state.put(s.key(), s).map(v -> {
      apply(s);
      return null;
    });
  }

  private Future<Void> erase(String key) {
    return state.remove(key).map(v -> {
      forget(key);
      return null;
    });
  }

  private void ensureListening(String networkId) {
    NetworkInfo n = networks.get(networkId);
    Listeners l = listeners;
    if (l == null || n == null || !n.servedOn(node)) {
      return;
    }
    for (String g : n.gateways()) {
      InetAddress address = io.berth.dns.domain.Addresses.parseOrNull(g);
      if (address != null) {
        l.listen(networkId, address).onFailure(e ->
            LOG.warn("cannot listen on {} for network {}: {}", g, n.name(), e.getMessage()));
      }
    }
  }

  /** Rewrites the files of a container of this node and announces them when they changed. */
  private Future<Void> refreshFiles(String containerId) {
    List<EndpointRecord> endpoints = records.ofContainer(containerId);
    ContainerDns c = containers.get(containerId);
    String owner = c != null ? c.node() : endpoints.isEmpty() ? null : endpoints.get(0).node();
    if (!node.equals(owner)) {
      return Future.succeededFuture();
    }
    ContainerDns settingsOf = c != null ? c
        : ContainerDns.unknown(containerId, endpoints.get(0).containerName(), node);
    List<EndpointRecord> ordered = new ArrayList<>(endpoints);
    ordered.sort(Comparator.comparingInt((EndpointRecord e) -> settingsOf.rank(e.networkId(), e.networkName()))
        .thenComparing(EndpointRecord::endpointId));
    InetAddress resolver = ordered.stream().filter(EndpointRecord::dnsEnabled)
        .map(e -> networks.get(e.networkId())).filter(n -> n != null && n.resolverAddress() != null)
        .map(NetworkInfo::resolverAddress).findFirst().orElse(null);
    SandboxFiles decided = SandboxFiles.decide(settingsOf, ordered, resolver, settings);
    return hostOps.run("dns.files.write", () -> files.write(containerId, decided))
        .compose(changed -> changed ? announcer.configured(containerId, files.paths(containerId), decided)
            : Future.succeededFuture());
  }
}
