package io.berth.dns.files;

import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.SandboxFacts;
import io.berth.dns.domain.SandboxFiles;
import io.berth.dns.state.DnsView;
import io.berth.kit.errors.BerthException;
import io.berth.kit.tracing.HostOps;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a container of this node its {@code resolv.conf}, {@code hosts} and {@code hostname}: decides them from what
 * is known ({@link SandboxFacts}), writes them, and announces them when they changed. Until its settings, its ready
 * sandbox and its networks are all known nothing is written, so the first announcement is already the right one;
 * a later change (a network connected or disconnected) rewrites and announces again, a replay changes nothing.
 *
 * <p>Files that cannot be written are a fact too ({@code dns.sandbox.failed}, with Docker's status and message), so
 * whoever waits for the container's files stops waiting: a setting that cannot go into them (400, reported once),
 * or the disk refusing them (500). The event is then handled, not dead-lettered. Only publishing itself (Kafka)
 * fails the handler, to be retried.
 */
public final class SandboxConfigurer {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxConfigurer.class);

  /** Announces a container's files: written ({@code dns.sandbox.configured}) or not ({@code dns.sandbox.failed}). */
  public interface Announcer {
    Future<Void> configured(String containerId, SandboxFileWriter.Paths paths, SandboxFiles files);

    Future<Void> failed(String containerId, int status, String message);
  }

  private final String node;
  private final DnsView view;
  private final NodeResolverSettings settings;
  private final SandboxFileWriter files;
  private final HostOps hostOps;
  private final Announcer announcer;
  /** Containers whose settings were refused: said once (handlers of different containers run side by side). */
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  public SandboxConfigurer(String node, DnsView view, NodeResolverSettings settings, SandboxFileWriter files,
                           HostOps hostOps, Announcer announcer) {
    this.node = node;
    this.view = view;
    this.settings = settings;
    this.files = files;
    this.hostOps = hostOps;
    this.announcer = announcer;
  }

  /** Writes and announces the container's files if they can be decided and changed; other nodes' are theirs. */
  public Future<Void> refresh(String containerId) {
    SandboxFacts facts = view.facts(containerId);
    if (facts.settings() != null && !node.equals(facts.settings().node())) {
      return Future.succeededFuture();
    }
    Optional<String> refusal = facts.refusal();
    if (refusal.isPresent()) {
      return refused.add(containerId) ? announcer.failed(containerId, 400, refusal.get())
          : Future.succeededFuture();
    }
    Optional<SandboxFiles> decided = facts.decide(settings);
    if (decided.isEmpty()) {
      LOG.debug("files of {} wait for {}", containerId, facts.missing());
      return Future.succeededFuture();
    }
    SandboxFiles f = decided.get();
    return hostOps.run("dns.files.write", () -> files.write(containerId, f)).transform(written -> {
      if (written.failed()) {
        Throwable e = written.cause();
        LOG.warn("cannot write the DNS files of {}: {}", containerId, e.toString());
        return e instanceof BerthException b ? announcer.failed(containerId, b.status(), b.getMessage())
            : announcer.failed(containerId, 500, "cannot write the DNS files of " + containerId + ": " + e);
      }
      return written.result() ? announcer.configured(containerId, files.paths(containerId), f)
          : Future.succeededFuture();
    });
  }

  /** Deletes the container's files. */
  public Future<Void> delete(String containerId) {
    refused.remove(containerId);
    return hostOps.run("dns.files.delete", () -> {
      files.delete(containerId);
      return null;
    });
  }
}
