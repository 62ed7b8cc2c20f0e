package io.berth.gateway.containers;

import io.berth.kit.errors.BerthException;
import java.util.Collection;
import java.util.List;

/**
 * Docker's rules for naming a container in a request: its full id, its name (with or without the leading slash),
 * or an unambiguous prefix of its id.
 */
public final class ContainerLookup {
  private ContainerLookup() {}

  public static ContainerView find(Collection<ContainerView> all, String ref) {
    String name = ref.startsWith("/") ? ref.substring(1) : ref;
    for (ContainerView c : all) {
      if (c.id().equals(ref)) return c;
    }
    for (ContainerView c : all) {
      if (c.name().equals(name)) return c;
    }
    List<ContainerView> byPrefix = all.stream().filter(c -> !ref.isEmpty() && c.id().startsWith(ref)).toList();
    if (byPrefix.size() == 1) return byPrefix.get(0);
    if (byPrefix.size() > 1) {
      throw new BerthException.InvalidRequest("multiple IDs found with provided prefix: " + ref);
    }
    throw BerthException.notFound("No such container: %s", ref);
  }
}
