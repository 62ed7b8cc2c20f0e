package io.berth.network.api;

import io.berth.kit.http.ServiceHttp;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network API's HTTP server, deployed as its own verticle so every request is handled on this verticle's event
 * loop (the context chosen for HTTP), not on whichever context happened to start the service.
 */
public final class NetworkApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkApiVerticle.class);

  private final ServiceHttp http;
  private final NetworkApi api;

  public NetworkApiVerticle(ServiceHttp http, NetworkApi api) {
    this.http = http;
    this.api = api;
  }

  @Override
  public Future<?> start() {
    api.mount(http.router());
    return http.listen("127.0.0.1", 0)
        .onSuccess(server -> LOG.info("network API listening on 127.0.0.1:{}", server.actualPort()))
        .map(HttpServer::actualPort);
  }
}
