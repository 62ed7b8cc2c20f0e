package io.berth.dns;

import io.berth.dns.server.EmbeddedResolver;
import io.berth.dns.server.ListenNamespace;
import io.berth.dns.server.RequesterPolicy;
import io.berth.dns.state.DnsView;
import io.berth.kit.http.ServiceHttp;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * What the dns service serves: the embedded resolver, listening on the gateways of the networks this node serves
 * (queries are answered on the resolver's own Netty loops; the outcome of each listen comes back on this verticle's
 * context), and the service's HTTP endpoints. Undeploying it closes the resolver.
 */
final class DnsServerVerticle extends VerticleBase {
  private final String node;
  private final ListenNamespace namespace;
  private final DnsView view;
  private final RequesterPolicy policy;
  private final EmbeddedResolver.Options options;
  private final MeterRegistry metrics;
  private final ServiceHttp http;
  private EmbeddedResolver resolver;

  DnsServerVerticle(String node, ListenNamespace namespace, DnsView view, RequesterPolicy policy,
                    EmbeddedResolver.Options options, MeterRegistry metrics, ServiceHttp http) {
    this.node = node;
    this.namespace = namespace;
    this.view = view;
    this.policy = policy;
    this.options = options;
    this.metrics = metrics;
    this.http = http;
  }

  @Override
  public Future<?> start() {
    resolver = new EmbeddedResolver(namespace, view.records()::snapshot, policy, options, metrics);
    // networks already known start being served now; later ones as they are applied
    view.watch(new ResolverListeners(node, resolver, context));
    // a verticle that fails to start is not stopped: close what it opened
    return http.listen("127.0.0.1", 0).onFailure(e -> resolver.close());
  }

  @Override
  public Future<?> stop() {
    if (resolver != null) {
      resolver.close();
    }
    return Future.succeededFuture();
  }

  EmbeddedResolver resolver() {
    return resolver;
  }
}
