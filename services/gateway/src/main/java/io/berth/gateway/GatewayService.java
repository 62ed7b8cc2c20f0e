package io.berth.gateway;

import io.berth.gateway.api.SystemApi;
import io.berth.events.Topics;
import io.berth.gateway.containers.ContainerEvents;
import io.berth.gateway.containers.ContainerView;
import io.berth.gateway.containers.ContainersApi;
import io.berth.gateway.routing.ServiceProxy;
import io.berth.kit.state.StateStore;
import io.berth.kit.config.ConfigException;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceEndpoints;
import io.berth.kit.node.ServiceModule;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * berth's Docker Engine API gateway: listens on the node's {@code hosts} (unix sockets and TCP) and routes each request
 * to the owning service of its own node. Its own health, readiness and metrics are served like every service's.
 */
public final class GatewayService implements ServiceModule {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);
  /** The container view, owned by the gateway of each container's node. */
  static final String CONTAINERS_MAP = "berth.gateway.containers";
  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Path> sockets = new ArrayList<>();

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
    ContainerEvents events = new ContainerEvents(containers, ctx.node());
    return containers.rebuild()
        .compose(n -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-gateway-" + ctx.node(), events::handle))
        .compose(sub -> {
          List<Future<HttpServer>> listening = new ArrayList<>();
          for (String host : ctx.config().hosts()) {
            listening.add(listen(ctx, api, host));
          }
          return Future.all(listening);
        })
        .compose(v -> new ServiceHttp(ctx, name()).listen("127.0.0.1", 0))
        .mapEmpty();
  }

  private Future<HttpServer> listen(ServiceContext ctx, DockerApi api, String host) {
    URI uri = URI.create(host);
    SocketAddress address;
    if ("unix".equals(uri.getScheme())) {
      Path socket = Path.of(uri.getPath());
      try {
        Files.createDirectories(socket.getParent());
        // A socket file left by a killed node would make bind fail; nothing else may own this path.
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      sockets.add(socket);
      address = SocketAddress.domainSocketAddress(socket.toString());
    } else {
      address = SocketAddress.inetSocketAddress(uri.getPort() < 0 ? 2375 : uri.getPort(), uri.getHost());
    }
    return ctx.vertx().createHttpServer()
        .requestHandler(api.router(ctx.vertx()))
        .listen(address)
        .onSuccess(server -> {
          servers.add(server);
          LOG.info("Docker API listening on {}", host);
        });
  }

  @Override
  public Future<Void> stop() {
    List<Future<Void>> closing = servers.stream().map(HttpServer::close).toList();
    return Future.join(closing).eventually(() -> {
      for (Path socket : sockets) {
        try {
          Files.deleteIfExists(socket);
        } catch (IOException e) {
          LOG.warn("could not remove {}: {}", socket, e.getMessage());
        }
      }
      return Future.succeededFuture();
    }).mapEmpty();
  }
}
