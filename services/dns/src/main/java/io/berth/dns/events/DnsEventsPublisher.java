package io.berth.dns.events;

import io.berth.dns.domain.SandboxFiles;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.events.BerthEvents;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.events.dns.DnsSandboxFailed;
import io.berth.kit.events.EventBus;
import io.vertx.core.Future;

/**
 * Publishes on {@code berth.dns.events}, keyed by container id: {@code io.berth.dns.sandbox.configured} when a
 * container's files are written, {@code io.berth.dns.sandbox.failed} when they cannot be.
 */
public final class DnsEventsPublisher implements SandboxConfigurer.Announcer {
  private final EventBus bus;
  private final String node;
  private final String source;

  public DnsEventsPublisher(EventBus bus, String node) {
    this.bus = bus;
    this.node = node;
    this.source = "urn:berth:node:" + node + ":dns";
  }

  @Override
  public Future<Void> configured(String containerId, SandboxFileWriter.Paths paths, SandboxFiles files) {
    var rc = files.resolvConf();
    return bus.publish(BerthEvents.create(source, containerId, new DnsSandboxConfigured(containerId, node,
        paths.resolvConf().toAbsolutePath().toString(), paths.hosts().toAbsolutePath().toString(),
        paths.hostname().toAbsolutePath().toString(), rc.nameservers(), rc.search(), rc.options())));
  }

  @Override
  public Future<Void> failed(String containerId, int status, String message) {
    return bus.publish(BerthEvents.create(source, containerId, new DnsSandboxFailed(containerId, node, status,
        message)));
  }
}
