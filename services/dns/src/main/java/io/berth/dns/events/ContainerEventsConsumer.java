package io.berth.dns.events;

import io.berth.dns.DnsController;
import io.berth.dns.domain.ContainerDns;
import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.NetworkAttachment;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/**
 * Reacts to container lifecycle on {@code berth.container.events}: {@code created} carries the resolver settings
 * ({@code --dns}, {@code --dns-search}, {@code --dns-option}, hostname, {@code --add-host}); {@code removed} drops
 * them and the container's files.
 */
public final class ContainerEventsConsumer {
  public static final String CREATED = "io.berth.container.created";
  public static final String REMOVED = "io.berth.container.removed";

  private final DnsController dns;

  public ContainerEventsConsumer(DnsController dns) {
    this.dns = dns;
  }

  /** The {@code EventHandler} for the subscription. */
  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case CREATED -> created(BerthEvents.data(event, ContainerCreated.class));
      case REMOVED -> removed(BerthEvents.data(event, ContainerRemoved.class));
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> created(ContainerCreated c) {
    if (!dns.node().equals(c.node())) {
      return Future.succeededFuture();
    }
    return dns.containerCreated(new ContainerDns(c.id(), c.name(), c.node(), c.hostname(), c.domainname(),
        c.dns().servers(), c.dns().search(), c.dns().options(), c.extraHosts(),
        c.networks().stream().map(NetworkAttachment::network).toList()));
  }

  private Future<Void> removed(ContainerRemoved c) {
    return dns.node().equals(c.node()) ? dns.containerRemoved(c.id()) : Future.succeededFuture();
  }
}
