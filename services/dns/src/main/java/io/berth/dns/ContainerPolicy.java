package io.berth.dns;

import io.berth.dns.domain.ContainerDns;
import io.berth.dns.domain.NodeResolverSettings;
import io.berth.dns.domain.Upstreams;
import io.berth.dns.server.RequesterPolicy;
import io.berth.dns.state.DnsView;
import java.net.InetSocketAddress;
import java.util.List;

/** The per-container settings the server reads while answering: upstreams and whether the user set ndots. */
final class ContainerPolicy implements RequesterPolicy {
  private final DnsView view;
  private final NodeResolverSettings settings;

  ContainerPolicy(DnsView view, NodeResolverSettings settings) {
    this.view = view;
    this.settings = settings;
  }

  @Override
  public List<InetSocketAddress> upstreams(String containerId) {
    return Upstreams.choose(view.container(containerId), settings).stream()
        .map(a -> new InetSocketAddress(a, 53)).toList();
  }

  @Override
  public boolean setsNdots(String containerId) {
    ContainerDns c = view.container(containerId);
    return c != null && c.setsNdots();
  }
}
