package io.berth.events.network;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;
import java.util.Map;

/**
 * {@code io.berth.network.network.created}: a network exists.
 *
 * @param id       64-hex network id
 * @param name     the network name
 * @param driver   bridge, overlay, macvlan, ipvlan, host or null
 * @param scope    local (one node) or swarm
 * @param node     the node that created it
 * @param subnets  its IPAM pools
 * @param internal no external connectivity
 * @param labels   network labels
 * @param options  driver options
 */
public record NetworkCreated(String id, String name, String driver, NetworkScope scope, String node,
                             List<Subnet> subnets, boolean internal, Map<String, String> labels,
                             Map<String, String> options) implements NodeScoped {

  public NetworkCreated {
    subnets = Defaults.list(subnets);
    labels = Defaults.map(labels);
    options = Defaults.map(options);
  }
}
