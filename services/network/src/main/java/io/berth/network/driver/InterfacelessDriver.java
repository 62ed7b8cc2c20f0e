package io.berth.network.driver;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.vertx.core.Future;

/**
 * What the {@code host} and {@code null} drivers share: Docker allows one network of each, the predefined one, and
 * their endpoints get no interface, so nothing is ever programmed on the host.
 */
abstract class InterfacelessDriver implements NetworkDriver {
  @Override
  public String scope() {
    return "local";
  }

  @Override
  public Network validate(Network proposed) {
    if (!proposed.predefined()) {
      throw BerthException.invalid("only one instance of \"%s\" network is allowed", name());
    }
    return proposed;
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
