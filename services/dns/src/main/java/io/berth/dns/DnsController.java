package io.berth.dns;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.EndpointRecord;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.domain.SandboxReadiness;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.state.DnsState;
import io.berth.dns.state.DnsView;
import io.berth.kit.errors.BerthException;
import io.berth.kit.state.StateStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts about this node's endpoints, containers, networks and sandboxes, as the events bring them: each is
 * written to the durable state (the node that owns a fact is its only writer) and applied to the {@link DnsView};
 * every node applies every entry it sees in the cluster map, so each node's resolver answers for every endpoint of a
 * network. Each fact is taken as it comes, in whichever order the two topics deliver them, and the container's files
 * follow from what is known ({@link SandboxConfigurer}): nothing is patched or guessed to make up for a fact that has
 * not arrived yet.
 */
public final class DnsController {
  private final String node;
  private final StateStore<DnsState> state;
  private final DnsView view;
  private final SandboxConfigurer files;

  public DnsController(String node, StateStore<DnsState> state, DnsView view, SandboxConfigurer files) {
    this.node = node;
    this.state = state;
    this.view = view;
    this.files = files;
  }

  public String node() {
    return node;
  }

  public DnsView view() {
    return view;
  }

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
    DnsState s = DnsState.of(e);
    view.apply(s);
    onApplied.run();
    // The files are decided from the records just applied, so they need not wait for the durable write: the
    // handler (and with it the next event of the partition) finishes after the slower of the two.
    return Future.all(write(s), files.refresh(e.containerId())).mapEmpty();
  }

  /** A container of this node left a network: its names stop answering at once, then the state is erased. */
  public Future<Void> endpointLeft(String endpointId, String containerId) {
    String key = DnsState.endpointKey(endpointId);
    view.forget(key);
    return Future.all(erase(key), files.refresh(containerId)).mapEmpty();
  }

  /** The sandbox of a container of this node is ready: every endpoint it starts with has joined. */
  public Future<Void> sandboxReady(String containerId) {
    DnsState s = DnsState.of(new SandboxReadiness(containerId, node));
    view.apply(s);
    return Future.all(write(s), files.refresh(containerId)).mapEmpty();
  }

  /** A container of this node was created: its resolver settings. */
  public Future<Void> containerCreated(ContainerDns c) {
    return write(DnsState.of(c)).compose(v -> files.refresh(c.containerId()));
  }

  /** A container of this node is gone: its settings, its sandbox, any endpoint left behind, its files. */
  public Future<Void> containerRemoved(String containerId) {
    List<String> keys = new ArrayList<>();
    view.endpoints(containerId).forEach(e -> keys.add(DnsState.endpointKey(e.endpointId())));
    keys.add(DnsState.sandboxKey(containerId));
    keys.add(DnsState.containerKey(containerId));
    Future<Void> chain = Future.succeededFuture();
    for (String key : keys) {
      chain = chain.compose(v -> erase(key));
    }
    return chain.compose(v -> files.delete(containerId));
  }

  /** A network was created by this node: containers whose files waited for it get them. */
  public Future<Void> networkCreated(NetworkInfo n) {
    return write(DnsState.of(n)).compose(v -> {
      List<Future<Void>> refreshed = new ArrayList<>();
      view.containersOn(n.id()).forEach(c -> refreshed.add(files.refresh(c)));
      return Future.all(refreshed).mapEmpty();
    });
  }

  /** A network created by this node was removed. */
  public Future<Void> networkRemoved(String networkId) {
    return erase(DnsState.networkKey(networkId));
  }

  private Future<Void> write(DnsState s) {
    return state.put(s.key(), s).recover(DnsController::unavailable).map(v -> {
      view.apply(s);
      return null;
    });
  }

  private Future<Void> erase(String key) {
    return state.remove(key).recover(DnsController::unavailable).map(v -> {
      view.forget(key);
      return null;
    });
  }

  /**
   * A write the durable state refused is Kafka or Hazelcast not answering (a timeout, a broker not ready), never the
   * event's fault: retried, not dead-lettered.
   */
  private static Future<Void> unavailable(Throwable e) {
    return Future.failedFuture(e instanceof BerthException ? e
        : new BerthException.Unavailable("dns state not written: " + e.getMessage(), e));
  }
}
