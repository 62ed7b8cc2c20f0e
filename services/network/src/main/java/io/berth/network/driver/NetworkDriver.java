package io.berth.network.driver;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.Network;
import io.vertx.core.Future;
import java.util.List;

/**
 * One network driver, in CNM words (libnetwork's {@code driverapi.Driver}, netavark's {@code NetworkDriver}).
 * Addresses and other cluster-wide allocations are made by the controller before a driver is called; a driver only
 * programs this node. Each method either completes or leaves the host as it found it and fails with every error.
 */
public interface NetworkDriver {
  /** {@code bridge}, {@code host}, {@code null}, ... */
  String name();

  /** {@code local} (one node owns the network) or {@code swarm}. */
  String scope();

  /**
   * Checks the driver options of a network about to be created and completes driver-specific fields (e.g. the
   * bridge device name). Pure: touches nothing. Throws {@code BerthException.InvalidRequest}.
   */
  Network validate(Network proposed);

  /** Whether endpoints of this driver get an interface in the sandbox (false for host and null). */
  default boolean hasInterfaces() {
    return true;
  }

  /** Programs the network on this node (bridge, firewall). */
  Future<Void> createNetwork(Network network);

  /** Removes what {@link #createNetwork} made. */
  Future<Void> deleteNetwork(Network network);

  /** Prepares the endpoint on this node before it joins a sandbox. */
  Future<Void> createEndpoint(Network network, Endpoint endpoint);

  /**
   * Puts the endpoint's interface into the sandbox, configured.
   *
   * @param sandboxKey     the sandbox namespace file
   * @param defaultGateway this endpoint carries the sandbox's default route
   */
  Future<Void> join(Network network, Endpoint endpoint, String sandboxKey, boolean defaultGateway);

  /**
   * Takes the endpoint's interface out of the sandbox.
   *
   * @param sandboxGoing the sandbox namespace is about to be deleted, which destroys its interfaces anyway
   */
  Future<Void> leave(Network network, Endpoint endpoint, boolean sandboxGoing);

  /** Removes what {@link #createEndpoint} made. */
  Future<Void> deleteEndpoint(Network network, Endpoint endpoint);

  /**
   * The host devices this driver made for the network (a bridge), which reconciliation keeps while the network
   * exists; a device named like berth's that no network or endpoint owns is removed.
   */
  default List<String> devices(Network network) {
    return List.of();
  }

  /**
   * On start, before serving: brings this node's host in line with a stored network (as libnetwork's drivers
   * restore themselves from their store), making what is missing and putting its policy in place again.
   *
   * @return what was made again, for the reconciliation report (e.g. {@code bridge br-0a1b2c3d4e5f})
   */
  default Future<List<String>> restoreNetwork(Network network) {
    return Future.succeededFuture(List.of());
  }

  /**
   * On start: joins a stored endpoint again when its interface is gone from the host (its sandbox exists).
   *
   * @return whether it was made again
   */
  default Future<Boolean> restoreEndpoint(Network network, Endpoint endpoint, String sandboxKey,
                                          boolean defaultGateway) {
    return Future.succeededFuture(false);
  }
}
