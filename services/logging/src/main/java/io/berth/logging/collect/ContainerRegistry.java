package io.berth.logging.collect;

import io.berth.kit.errors.BerthException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The containers this node collects logs for, found by full id, unique id prefix or name (as Docker resolves them). */
public final class ContainerRegistry {
  private final Map<String, ContainerLogs> byId = new ConcurrentHashMap<>();
  private final Map<String, String> rejected = new ConcurrentHashMap<>();

  public void put(ContainerLogs logs) {
    byId.put(logs.info().id(), logs);
    rejected.remove(logs.info().id());
  }

  public Optional<ContainerLogs> remove(String id) {
    rejected.remove(id);
    return Optional.ofNullable(byId.remove(id));
  }

  public Optional<ContainerLogs> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Collection<ContainerLogs> all() {
    return byId.values();
  }

  /** Remembers why a container's log configuration was refused, so its logs endpoint reports the same message. */
  public void reject(String id, String name, String message) {
    rejected.put(id, message);
    if (name != null && !name.isEmpty()) rejected.put("name:" + name, message);
  }

  /** Docker's lookup: full id, then name, then unique id prefix; else {@code No such container: x}. */
  public ContainerLogs resolve(String ref) {
    String r = ref.startsWith("/") ? ref.substring(1) : ref;
    ContainerLogs exact = byId.get(r);
    if (exact != null) return exact;
    for (ContainerLogs c : byId.values()) {
      if (c.info().name().equals(r)) return c;
    }
    ContainerLogs match = null;
    for (ContainerLogs c : byId.values()) {
      if (c.info().id().startsWith(r)) {
        if (match != null) throw BerthException.invalid("multiple IDs found with provided prefix: %s", r);
        match = c;
      }
    }
    if (match != null) return match;
    String why = rejected.get(r) != null ? rejected.get(r) : rejected.get("name:" + r);
    if (why != null) throw new BerthException.InvalidRequest(why);
    throw BerthException.notFound("No such container: %s", ref);
  }
}
