package io.berth.network;

import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.vertx.core.Future;

/**
 * The network service. It serves the shared health, readiness and metrics endpoints; its domain API and event handling
 * arrive with its own feature work, and until then it answers no domain path (the gateway relays Docker's 404).
 */
public final class NetworkService implements ServiceModule {
  @Override
  public String name() {
    return "network";
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    return new ServiceHttp(ctx, name()).listen("127.0.0.1", 0).mapEmpty();
  }
}
