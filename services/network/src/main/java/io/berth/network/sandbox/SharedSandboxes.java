package io.berth.network.sandbox;

import io.berth.events.container.ContainerCreated;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.NetworkMode;
import io.berth.network.domain.Sandbox;
import io.berth.network.events.NetworkEventsPublisher;
import io.berth.network.host.SandboxHost;
import io.berth.network.state.NetworkState;
import io.vertx.core.Future;
import java.util.List;

/**
 * {@code --network container:<id>}: a container that lives in another container's sandbox. It gets no namespace
 * and no endpoint of its own, only a sandbox record pointing at the other's namespace (mode
 * {@code container:<id>}); its {@code sandbox.ready} lists the other's interfaces.
 *
 * <p>When the owner is removed while containers still share its namespace, the owner's endpoints and ports go
 * (as with Docker, where the sharing containers are left with {@code lo} only) but the namespace stays until the
 * last sharing container is removed: the owner's record is kept {@link NetworkMode#RETIRED retired}, without
 * endpoints, as the holder of the namespace, and is invisible to lookups.
 */
final class SharedSandboxes {
  private final NetworkState state;
  private final SandboxLookup lookup;
  private final SandboxHost host;
  private final HostOps hostOps;
  private final NetworkEventsPublisher events;

  SharedSandboxes(NetworkState state, SandboxLookup lookup, SandboxHost host, HostOps hostOps, NetworkEventsPublisher events) {
    this.state = state;
    this.lookup = lookup;
    this.host = host;
    this.hostOps = hostOps;
    this.events = events;
  }

  /**
   * Joins the container to the namespace of the one its network mode names (by id, name or unique id prefix);
   * 404 {@code No such container: <ref>} if there is none on this node.
   */
  Future<Sandbox> join(ContainerCreated c, String ownerRef) {
    Sandbox target = lookup.find(ownerRef);
    if (!c.portBindings().isEmpty() || c.publishAllPorts()) {
      return Future.failedFuture(BerthException.invalid(
          "conflicting options: port publishing and the container type network mode"));
    }
    if (target.containerId().equals(c.id())) {
      return Future.failedFuture(BerthException.invalid("cannot join own network"));
    }
    if (target.networkMode().shares()) { // a chain shares the first owner's namespace
      String rootId = target.networkMode().container();
      Sandbox root = state.sandbox(rootId);
      if (root == null || root.retired()) {
        return Future.failedFuture(BerthException.notFound("No such container: %s", rootId));
      }
      target = root;
    }
    Sandbox s = new Sandbox(c.id(), c.name(), state.node(), target.key(), false,
        NetworkMode.container(target.containerId()).wire(), List.of(), List.of(), List.of());
    List<Endpoint> theirs = lookup.endpointsOf(target);
    return state.put(s).compose(x -> events.sharedSandboxReady(s, theirs, state::network)).map(s);
  }

  /** The containers sharing this one's namespace. */
  List<Sandbox> users(String ownerId) {
    return state.sandboxes().stream().filter(x -> ownerId.equals(x.networkMode().container())).toList();
  }

  /** The sandbox a sharing container leaves: when it was the last user of a retired owner, the namespace goes. */
  Future<Void> left(Sandbox s) {
    if (!s.networkMode().shares()) {
      return Future.succeededFuture();
    }
    Sandbox owner = state.sandbox(s.networkMode().container());
    if (owner == null || !owner.retired() || !users(owner.containerId()).isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Void> deleted = !owner.berthCreated() ? Future.succeededFuture()
        : hostOps.run("sandbox delete " + owner.containerId(), () -> host.delete(owner.containerId()));
    return deleted.compose(x -> state.remove(owner));
  }

  /** The owner's record once its endpoints and ports are gone, kept as the namespace's holder. */
  static Sandbox retire(Sandbox owner) {
    return new Sandbox(owner.containerId(), owner.containerName(), owner.node(), owner.key(), owner.berthCreated(),
        NetworkMode.RETIRED.wire(), List.of(), List.of(), List.of());
  }
}
