package io.berth.network.fakes;

import io.berth.network.host.SandboxHost;
import io.berth.network.host.VethJoin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Sandbox namespaces and the veths joined to them, in memory; veths also appear as links of the host. */
public final class MemorySandboxHost implements SandboxHost {
  private final MemoryHostNetwork host;
  private final Path dir;
  public final Set<String> namespaces = ConcurrentHashMap.newKeySet();
  /** Joined veths by host end. */
  public final Map<String, VethJoin> joined = new ConcurrentHashMap<>();
  /** Joins fail with this message (null = succeed). */
  public volatile String failJoin;
  /** Namespace creation throws this (null = succeed). */
  public volatile RuntimeException failWith;

  public MemorySandboxHost(MemoryHostNetwork host, Path dir) {
    this.host = host;
    this.dir = dir;
  }

  @Override
  public Path create(String containerId) {
    if (failWith != null) {
      throw failWith;
    }
    if (!namespaces.add(containerId)) {
      throw new IllegalStateException("ip netns add " + containerId + ": file exists");
    }
    return path(containerId);
  }

  @Override
  public void delete(String containerId) {
    namespaces.remove(containerId);
    // the kernel destroys the namespace's veths with it
    joined.values().removeIf(j -> {
      boolean inside = j.sandboxKey().equals(path(containerId));
      if (inside) {
        host.links.remove(j.hostIf());
      }
      return inside;
    });
  }

  @Override
  public boolean exists(String containerId) {
    return namespaces.contains(containerId);
  }

  @Override
  public List<String> list() {
    return List.copyOf(namespaces);
  }

  @Override
  public boolean present(Path sandboxKey) {
    return namespaces.stream().anyMatch(id -> path(id).equals(sandboxKey));
  }

  @Override
  public Path path(String containerId) {
    return dir.resolve(containerId);
  }

  @Override
  public void join(VethJoin j) {
    if (failJoin != null) {
      throw new IllegalStateException(failJoin);
    }
    if (!host.links.add(j.hostIf())) {
      throw new IllegalStateException("ip link add " + j.hostIf() + ": file exists");
    }
    joined.put(j.hostIf(), j);
  }

  @Override
  public void leave(String hostIf) {
    joined.remove(hostIf);
    host.links.remove(hostIf);
  }
}
