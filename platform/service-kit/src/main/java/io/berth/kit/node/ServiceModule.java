package io.berth.kit.node;

import io.vertx.core.Future;

/**
 * One berth service (volume, network, dns, logging, ingress, gateway) as the node deploys it: the same module runs
 * alone in its own JVM ({@link ServiceMain}) or beside the others in the all-in-one node.
 */
public interface ServiceModule {
  /** Short name, also the service's key in the endpoint registry: {@code volume}, {@code network}, ... */
  String name();

  /** Deploys the service's verticles; completes when it serves requests and consumes its events. */
  Future<Void> start(ServiceContext context);

  /** Stops what {@link #start} started that Vert.x does not undeploy by itself. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
