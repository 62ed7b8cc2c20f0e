package io.berth.network.sandbox;

import io.berth.kit.steps.Rollback;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.driver.NetworkDriver;
import io.vertx.core.Future;

/**
 * Drives an endpoint through its network's driver (CNM {@code CreateEndpoint} + {@code Join}, {@code Leave} +
 * {@code DeleteEndpoint}), keeping its host interface {@link InFlightLinks in flight} until it is stored.
 */
final class EndpointJoiner {
  private final DriverRegistry drivers;
  private final InFlightLinks inFlight;

  EndpointJoiner(DriverRegistry drivers, InFlightLinks inFlight) {
    this.drivers = drivers;
    this.inFlight = inFlight;
  }

  /** Creates the endpoint on the host and joins it to the sandbox; {@code undo} takes it out again. */
  Future<Void> join(Network n, Endpoint e, String sandboxKey, boolean defaultGateway, Rollback undo) {
    if (e.hostIf() == null) {
      return Future.succeededFuture();
    }
    NetworkDriver driver = drivers.get(n.driver());
    inFlight.add(e.hostIf());
    undo.add("in flight " + e.hostIf(), () -> {
      inFlight.remove(e.hostIf());
      return Future.succeededFuture();
    });
    return driver.createEndpoint(n, e).compose(x -> driver.join(n, e, sandboxKey, defaultGateway)).map(x -> {
      undo.add("leave " + e.hostIf(), () -> driver.leave(n, e, false));
      return null;
    });
  }

  /** Takes the endpoint out of the sandbox and removes it from the host. */
  Future<Void> leave(Network n, Endpoint e, boolean sandboxGoing) {
    NetworkDriver driver = drivers.get(n.driver());
    return driver.leave(n, e, sandboxGoing).compose(x -> driver.deleteEndpoint(n, e));
  }
}
