package io.berth.network;

import io.berth.events.container.ContainerCreated;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Sandbox;
import io.berth.network.events.NetworkEvents;
import io.berth.network.host.SandboxHost;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * {@code --network container:<id>}: a container that lives in another container's sandbox. It gets no namespace
 * and no endpoint of its own, only a sandbox record pointing at the other's namespace (mode
 * {@code container:<id>}); its {@code sandbox.ready} lists the other's interfaces.
 *
 * <p>When the owner is removed while containers still share its namespace, the owner's endpoints and ports go
 * (as with Docker, where the sharing containers are left with {@code lo} only) but the namespace stays until the
 * last sharing container is removed: the owner's record is kept {@link #RETIRED}, without endpoints, as the holder
 * of the namespace, and is invisible to lookups.
 */
final class SharedSandboxes {
  /** Network mode prefix of a sharing container. */
  static final String PREFIX = "container:";
  /** Mode of an owner removed while others still share its namespace. */
  static final String RETIRED = "retired";

  private final NetworkState state;
  private final SandboxHost host;
  private final HostOps hostOps;
  private final NetworkEvents events;

  SharedSandboxes(NetworkState state, SandboxHost host, HostOps hostOps, NetworkEvents events) {
    this.state = state;
    this.host = host;
    this.hostOps = hostOps;
    this.events = events;
  }

  static boolean shares(ContainerCreated c) {
    return c.networkMode().startsWith(PREFIX);
  }

  static boolean shares(Sandbox s) {
    return s.mode() != null && s.mode().startsWith(PREFIX);
  }

  static boolean retired(Sandbox s) {
    return RETIRED.equals(s.mode());
  }

  /** The container whose namespace this sandbox shares. */
  static String owner(Sandbox s) {
    return s.mode().substring(PREFIX.length());
  }

  /**
   * Joins the container to the namespace of the one its network mode names (by id, name or unique id prefix);
   * 404 {@code No such container: <ref>} if there is none on this node.
   */
  Future<Sandbox> join(ContainerCreated c, Sandbox target) {
    if (!c.portBindings().isEmpty() || c.publishAllPorts()) {
      return Future.failedFuture(BerthException.invalid(
          "conflicting options: port publishing and the container type network mode"));
    }
    if (target.containerId().equals(c.id())) {
      return Future.failedFuture(BerthException.invalid("cannot join own network"));
    }
    if (shares(target)) { // a chain shares the first owner's namespace
      Sandbox root = state.sandbox(owner(target));
      if (root == null || retired(root)) {
        return Future.failedFuture(BerthException.notFound("No such container: %s", owner(target)));
      }
      target = root;
    }
    Sandbox s = new Sandbox(c.id(), c.name(), state.node(), target.key(), false, PREFIX + target.containerId(),
        List.of(), List.of(), List.of());
    List<Endpoint> theirs = endpoints(target);
    return state.put(s).compose(x -> events.sharedSandboxReady(s, theirs, state::network)).map(s);
  }

  /** The containers sharing this one's namespace. */
  List<Sandbox> users(String ownerId) {
    return state.sandboxes().stream().filter(x -> shares(x) && owner(x).equals(ownerId)).toList();
  }

  /** The sandbox a sharing container leaves: when it was the last user of a retired owner, the namespace goes. */
  Future<Void> left(Sandbox s) {
    if (!shares(s)) {
      return Future.succeededFuture();
    }
    Sandbox owner = state.sandbox(owner(s));
    if (owner == null || !retired(owner) || !users(owner.containerId()).isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> deleted = !owner.berthCreated() ? Future.succeededFuture()
        : hostOps.run("sandbox delete " + owner.containerId(), () -> {
          host.delete(owner.containerId());
          return null;
        });
    return deleted.compose(x -> state.remove(owner));
  }

  /** The owner's record once its endpoints and ports are gone, kept as the namespace's holder. */
  static Sandbox retire(Sandbox owner) {
    return new Sandbox(owner.containerId(), owner.containerName(), owner.node(), owner.key(), owner.berthCreated(),
        RETIRED, List.of(), List.of(), List.of());
  }

  private List<Endpoint> endpoints(Sandbox s) {
    return s.endpoints().stream().map(state::endpoint).filter(Objects::nonNull).toList();
  }
}
