package io.berth.events.service;

import io.berth.events.Defaults;
import java.util.List;
import java.util.Map;

/**
 * {@code io.berth.service.created}: a swarm service was created.
 *
 * @param id           the service id
 * @param name         the service name (its DNS name)
 * @param labels       service labels
 * @param mode         replicated (the default) or global
 * @param replicas     the replica count of a replicated service; {@code null} = 1
 * @param endpointSpec VIP or DNS round robin, and published ports
 * @param networks     names or ids of the networks its tasks join
 */
public record ServiceCreated(String id, String name, Map<String, String> labels, ServiceMode mode, Integer replicas,
                            EndpointSpec endpointSpec, List<String> networks) {

  public ServiceCreated {
    labels = Defaults.map(labels);
    mode = Defaults.or(mode, ServiceMode.REPLICATED);
    endpointSpec = Defaults.or(endpointSpec, EndpointSpec.VIP);
    networks = Defaults.list(networks);
  }
}
