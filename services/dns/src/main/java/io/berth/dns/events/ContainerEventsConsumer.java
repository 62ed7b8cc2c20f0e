package io.berth.dns.events;

import io.berth.dns.DnsController;
import io.berth.dns.domain.ContainerDns;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.NetworkAttachment;
import io.berth.kit.events.EventHandler;
import io.berth.kit.events.EventRouter;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/**
 * Reacts to this node's container lifecycle on {@code berth.container.events}: {@code created} carries the resolver
 * settings ({@code --dns}, {@code --dns-search}, {@code --dns-option}, hostname, {@code --add-host});
 * {@code removed} drops them and the container's files.
 */
public final class ContainerEventsConsumer implements EventHandler {
  private final DnsController dns;
  private final EventRouter router;

  public ContainerEventsConsumer(DnsController dns) {
    this.dns = dns;
    this.router = EventRouter.forNode(dns.node())
        .on(ContainerCreated.class, this::created)
        .on(ContainerRemoved.class, this::removed);
  }

  @Override
  public Future<Void> handle(CloudEvent event) {
    return router.handle(event);
  }

  private Future<Void> created(ContainerCreated c) {
    return dns.containerCreated(new ContainerDns(c.id(), c.name(), c.node(), c.hostname(), c.domainname(),
        c.dns().servers(), c.dns().search(), c.dns().options(), c.extraHosts(),
        c.networks().stream().map(NetworkAttachment::network).toList()));
  }

  private Future<Void> removed(ContainerRemoved c) {
    return dns.containerRemoved(c.id());
  }
}
