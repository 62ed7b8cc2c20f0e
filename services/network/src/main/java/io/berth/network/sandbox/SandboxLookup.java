package io.berth.network.sandbox;

import io.berth.kit.http.DockerRefs;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Sandbox;
import io.berth.network.state.NetworkState;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** This node's sandboxes as Docker names containers: by id, name or unique id prefix ({@link DockerRefs}). */
public final class SandboxLookup {
  private final NetworkState state;

  public SandboxLookup(NetworkState state) {
    this.state = state;
  }

  /** The live sandbox of the container {@code ref} names, or Docker's 404/400. */
  public Sandbox find(String ref) {
    Sandbox s = state.sandbox(ref);
    if (s != null && !s.retired()) {
      return s;
    }
    List<Sandbox> live = state.sandboxes().stream().filter(x -> !x.retired()).toList();
    return DockerRefs.container(live, ref, Sandbox::containerId, Sandbox::containerName);
  }

  /** The sandbox's endpoints, {@code eth0} first. */
  public List<Endpoint> endpointsOf(Sandbox s) {
    return s.endpoints().stream().map(state::endpoint).filter(Objects::nonNull).toList();
  }

  /** Every sandbox of this node, retired ones too. */
  public Collection<Sandbox> all() {
    return state.sandboxes();
  }
}
