package io.berth.gateway;

import io.berth.gateway.api.SystemApi;
import io.berth.events.Topics;
import io.berth.gateway.containers.ContainerEventsConsumer;
import io.berth.gateway.containers.ContainerView;
import io.berth.gateway.containers.ContainersApi;
import io.berth.gateway.listeners.ApiListeners;
import io.berth.gateway.routing.ServiceProxy;
import io.berth.kit.state.StateStore;
import io.berth.kit.config.ConfigException;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceEndpoints;
import io.berth.kit.node.ServiceModule;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * berth's Docker Engine API gateway: listens on the node's {@code hosts} (unix sockets, and TCP with the node's TLS) and
 * routes each request to the owning service of its own node. Its own health, readiness and metrics are served like every service's.
 */
public final class GatewayService implements ServiceModule {
  /** The container view, owned by the gateway of each container's node. */
  static final String CONTAINERS_MAP = "berth.gateway.containers";
  private ApiListeners listeners;

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    if (!ctx.vertx().isNativeTransportEnabled()) {
      return Future.failedFuture(new ConfigException("native transport unavailable: unix sockets cannot be served"));
    }
    var client = ctx.vertx().createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(64));
    ServiceProxy proxy = new ServiceProxy(client, new ServiceEndpoints(ctx.hazelcast()), ctx.node());
    StateStore<ContainerView> containers = ctx.stateStore(Topics.CONTAINER_STATE, CONTAINERS_MAP, ContainerView.class);
    DockerApi api = new DockerApi(new SystemApi(ctx.config()), new ContainersApi(containers, proxy, ctx.config().dataRoot()), proxy);
    ContainerEventsConsumer events = new ContainerEventsConsumer(containers, ctx.node());
    return containers.rebuild()
        .compose(n -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-gateway-" + ctx.node(), events))
        .compose(sub -> {
          listeners = new ApiListeners(ctx.vertx(), ctx.config().tls());
          return listeners.listen(ctx.config().apiHosts(), api.router(ctx.vertx()));
        })
        .compose(v -> new ServiceHttp(ctx, name()).listen("127.0.0.1", 0))
        .mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    return listeners == null ? Future.succeededFuture() : listeners.close();
  }
}
