package io.berth.kit.node;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Optional;

/**
 * Where each service of each node serves its API, in a cluster map: the gateway routes a request to the owning
 * service on its own node by looking it up here (key {@code <node>/<service>}, value {@code host:port}).
 */
public final class ServiceEndpoints {
  public static final String MAP = "berth.endpoints";
  private final IMap<String, String> map;

  public ServiceEndpoints(HazelcastInstance hazelcast) {
    this.map = hazelcast.getMap(MAP);
  }

  public void register(String node, String service, String hostPort) {
    map.set(key(node, service), hostPort);
  }

  public void unregister(String node, String service) {
    map.delete(key(node, service));
  }

  public Optional<String> lookup(String node, String service) {
    return Optional.ofNullable(map.get(key(node, service)));
  }

  /** Non-blocking lookup, for event-loop callers. */
  public java.util.concurrent.CompletionStage<String> lookupAsync(String node, String service) {
    return map.getAsync(key(node, service));
  }

  private static String key(String node, String service) {
    return node + "/" + service;
  }
}
