package io.berth.kit.node;

import com.hazelcast.config.MapConfig;
import io.vertx.core.Future;
import java.util.List;

/**
 * One berth service (volume, network, dns, logging, ingress, gateway) as the node deploys it: the same module runs
 * alone in its own JVM ({@link ServiceMain}) or beside the others in the all-in-one node.
 */
public interface ServiceModule {
  /** Short name, also the service's key in the endpoint registry: {@code volume}, {@code network}, ... */
  String name();

  /**
   * The settings of the Hazelcast maps this service owns that differ from Hazelcast's defaults (an in-memory format,
   * a backup count). The node puts them in the member's configuration before the member starts, so they hold for the
   * map's whole life; a service does not change the configuration of a running member. Called before {@link #start}.
   */
  default List<MapConfig> mapConfigs() {
    return List.of();
  }

  /** Deploys the service's verticles; completes when it serves requests and consumes its events. */
  Future<Void> start(ServiceContext context);

  /** Stops what {@link #start} started that Vert.x does not undeploy by itself. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
