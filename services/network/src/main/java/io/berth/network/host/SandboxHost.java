package io.berth.network.host;

import java.nio.file.Path;
import java.util.List;

/**
 * Sandboxes on the host (libnetwork's {@code osl.Sandbox}): their network namespaces
 * ({@code <exec-root>/netns/<containerId>}) and the veth pairs that join them to bridges. Every call blocks and
 * either completes or leaves nothing behind; the real one is {@link NetnsSandboxHost}.
 */
public interface SandboxHost {
  /** Creates the sandbox namespace with {@code lo} up; returns its file. */
  Path create(String containerId);

  /** Removes the sandbox namespace; the kernel then destroys its veths (the cheap detach). Missing is fine. */
  void delete(String containerId);

  boolean exists(String containerId);

  /** Names (container ids) of the sandbox namespaces on this node. */
  List<String> list();

  /** Whether a namespace file exists (a sandbox the runtime made, at its {@code SandboxKey}). */
  boolean present(Path sandboxKey);

  /** Where the container's sandbox namespace is (or would be) pinned. */
  Path path(String containerId);

  /** Joins the sandbox to a bridge through a new veth pair, configured, or fails having left nothing. */
  void join(VethJoin join);

  /** Removes an endpoint's veth pair (both ends). */
  void leave(String hostIf);
}
