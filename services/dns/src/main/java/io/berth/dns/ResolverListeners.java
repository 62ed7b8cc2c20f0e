package io.berth.dns;

import io.berth.dns.domain.Addresses;
import io.berth.dns.domain.NetworkInfo;
import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.state.DnsView;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the embedded resolver to the networks this node serves: a listener on each gateway of a name-resolving
 * network of this node (or of the swarm) as soon as the network is known, none once it is forgotten.
 */
final class ResolverListeners implements DnsView.NetworkWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ResolverListeners.class);

  private final String node;
  private final EmbeddedResolver resolver;
  private final Context context;

  ResolverListeners(String node, EmbeddedResolver resolver, Context context) {
    this.node = node;
    this.resolver = resolver;
    this.context = context;
  }

  @Override
  public void known(NetworkInfo n) {
    if (!n.servedOn(node)) {
      return;
    }
    for (String g : n.gateways()) {
      InetAddress address = Addresses.parseOrNull(g);
      if (address != null) {
        Future.fromCompletionStage(resolver.listen(n.id(), address), context).onFailure(e ->
            LOG.warn("cannot listen on {} for network {}: {}", g, n.name(), e.getMessage()));
      }
    }
  }

  @Override
  public void forgotten(String networkId) {
    resolver.unlisten(networkId);
  }
}
