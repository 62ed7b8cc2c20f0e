package io.berth.network.driver;

import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.vertx.core.Future;

/**
 * The {@code host} and {@code null} drivers: one predefined network each, no interfaces (a {@code host} container
 * shares the node's namespace; a {@code none} container's sandbox has only {@code lo}), nothing to program.
 */
public final class LocalOnlyDriver implements NetworkDriver {
  private final String name;

  private LocalOnlyDriver(String name) {
    this.name = name;
  }

  public static LocalOnlyDriver host() {
    return new LocalOnlyDriver("host");
  }

  public static LocalOnlyDriver none() {
    return new LocalOnlyDriver("null");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String scope() {
    return "local";
  }

  @Override
  public Network validate(Network proposed) {
    if (!proposed.predefined()) {
      throw BerthException.invalid("only one instance of \"%s\" network is allowed", name);
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
