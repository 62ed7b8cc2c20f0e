package io.berth.network.driver;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.vertx.core.Future;

/**
 * The {@code host} driver: the one predefined {@code host} network, whose containers share the node's namespace.
 * Its endpoints get no interface and nothing is programmed.
 */
public final class HostDriver implements NetworkDriver {
  @Override
  public String name() {
    return "host";
  }

  @Override
  public String scope() {
    return "local";
  }

  @Override
  public Network validate(Network proposed) {
    return NullDriver.onlyPredefined(name(), proposed);
  }

  @Override
  public boolean hasInterfaces() {
    return false;
  }

  @Override
  public Future<Void> createNetwork(Network network) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> deleteNetwork(Network network) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> createEndpoint(Network network, Endpoint endpoint) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> join(Network network, Endpoint endpoint, String sandboxKey, boolean defaultGateway) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> leave(Network network, Endpoint endpoint, boolean sandboxGoing) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> deleteEndpoint(Network network, Endpoint endpoint) {
    return Future.succeededFuture();
  }
}
