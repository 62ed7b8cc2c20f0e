package io.berth.network.driver;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.vertx.core.Future;

/**
 * The {@code null} driver: the one predefined {@code none} network, whose containers have a namespace with only
 * {@code lo}. Its endpoints get no interface and nothing is programmed.
 */
public final class NullDriver implements NetworkDriver {
  @Override
  public String name() {
    return "null";
  }

  @Override
  public String scope() {
    return "local";
  }

  @Override
  public Network validate(Network proposed) {
    return onlyPredefined(name(), proposed);
  }

  /** Docker allows one network of the {@code host} and {@code null} drivers each: the predefined one. */
  static Network onlyPredefined(String driver, Network proposed) {
    if (!proposed.predefined()) {
      throw BerthException.invalid("only one instance of \"%s\" network is allowed", driver);
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
