package io.berth.gateway.containers;

import io.berth.kit.http.DockerRefs;
import java.util.Collection;

/**
 * Docker's rules for naming a container in a request: its full id, its name (with or without the leading slash),
 * or an unambiguous prefix of its id; Docker's errors otherwise ({@link DockerRefs#container}).
 */
public final class ContainerLookup {
  private ContainerLookup() {}

  public static ContainerView find(Collection<ContainerView> all, String ref) {
    return DockerRefs.container(all, ref, ContainerView::id, ContainerView::name);
  }
}
