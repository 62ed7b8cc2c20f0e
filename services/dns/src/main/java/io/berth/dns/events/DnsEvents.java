package io.berth.dns.events;

import io.berth.dns.domain.SandboxFiles;
import io.berth.dns.files.SandboxConfigurer;
import io.berth.dns.files.SandboxFileWriter;
import io.berth.events.BerthEvents;
import io.berth.events.dns.DnsSandboxConfigured;
import io.berth.kit.events.EventBus;
import io.vertx.core.Future;

/** Publishes {@code io.berth.dns.sandbox.configured} on {@code berth.dns.events}, keyed by container id. */
public final class DnsEvents implements SandboxConfigurer.Announcer {
  public static final String CONFIGURED = "io.berth.dns.sandbox.configured";

  private final EventBus bus;
  private final String node;
  private final String source;

  public DnsEvents(EventBus bus, String node) {
    this.bus = bus;
    this.node = node;
    this.source = "urn:berth:node:" + node + ":dns";
  }

  @Override
  public Future<Void> configured(String containerId, SandboxFileWriter.Paths paths, SandboxFiles files) {
    var rc = files.resolvConf();
    return bus.publish(BerthEvents.create(CONFIGURED, source, containerId, new DnsSandboxConfigured(containerId, node,
        paths.resolvConf().toAbsolutePath().toString(), paths.hosts().toAbsolutePath().toString(),
        paths.hostname().toAbsolutePath().toString(), rc.nameservers(), rc.search(), rc.options())));
  }
}
