package io.berth.logging;

import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.logging.api.LogsApi;
import io.berth.logging.collect.ContainerRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The logging service's HTTP API ({@code docker logs}, this node's part of {@code docker service logs}, log config
 * validation) on this verticle's context; readers stream from their own threads and end the response here.
 */
final class LogsApiVerticle extends VerticleBase {
  private final ServiceContext ctx;
  private final String service;
  private final ContainerRegistry registry;

  LogsApiVerticle(ServiceContext ctx, String service, ContainerRegistry registry) {
    this.ctx = ctx;
    this.service = service;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    ServiceHttp api = new ServiceHttp(ctx, service);
    new LogsApi(ctx, registry).mount(api.router());
    return api.listen("127.0.0.1", 0);
  }
}
