package io.berth.network.state;

import io.berth.kit.state.StateStore;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.domain.Sandbox;
import io.berth.network.domain.StateEntry;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's durable state (networks, endpoints, sandboxes in one compacted topic, see {@link StateEntry}) with
 * in-memory indexes for this node. This node is the only writer of its local resources, so the indexes are
 * updated at once and the store write follows; reads never wait for the cluster.
 */
public final class NetworkState {
  /** The cluster map. */
  public static final String MAP = "berth.network.state";

  private final StateStore<StateEntry> store;
  private final String node;
  private final Map<String, Network> networks = new ConcurrentHashMap<>();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();

  public NetworkState(StateStore<StateEntry> store, String node) {
    this.store = store;
    this.node = node;
  }

  /** Rebuilds the map from the topic if cold, then loads this node's resources (and swarm-scoped networks). */
  public Future<Void> load() {
    return store.rebuild().compose(n -> store.values()).map(all -> {
      for (StateEntry e : all) {
        if (e.network() != null && (node.equals(e.network().node()) || !"local".equals(e.network().scope()))) {
          networks.put(e.network().id(), e.network());
        } else if (e.endpoint() != null && node.equals(e.endpoint().node())) {
          endpoints.put(e.endpoint().id(), e.endpoint());
        } else if (e.sandbox() != null && node.equals(e.sandbox().node())) {
          sandboxes.put(e.sandbox().containerId(), e.sandbox());
        }
      }
      return null;
    });
  }

  public String node() {
    return node;
  }

  public Collection<Network> networks() {
    return networks.values();
  }

  public Network network(String id) {
    return networks.get(id);
  }

  public Collection<Endpoint> endpoints() {
    return endpoints.values();
  }

  public Endpoint endpoint(String id) {
    return endpoints.get(id);
  }

  public List<Endpoint> endpointsOf(Network n) {
    return endpoints.values().stream().filter(e -> e.networkId().equals(n.id())).toList();
  }

  public Collection<Sandbox> sandboxes() {
    return sandboxes.values();
  }

  public Sandbox sandbox(String containerId) {
    return sandboxes.get(containerId);
  }

  public Future<Void> put(Network n) {
    networks.put(n.id(), n);
    return store.put(StateEntry.key(n), StateEntry.of(n));
  }

  public Future<Void> remove(Network n) {
    networks.remove(n.id());
    return store.remove(StateEntry.key(n));
  }

  public Future<Void> put(Endpoint e) {
    endpoints.put(e.id(), e);
    return store.put(StateEntry.key(e), StateEntry.of(e));
  }

  public Future<Void> remove(Endpoint e) {
    endpoints.remove(e.id());
    return store.remove(StateEntry.key(e));
  }

  public Future<Void> put(Sandbox s) {
    sandboxes.put(s.containerId(), s);
    return store.put(StateEntry.key(s), StateEntry.of(s));
  }

  public Future<Void> remove(Sandbox s) {
    sandboxes.remove(s.containerId());
    return store.remove(StateEntry.key(s));
  }
}
