package io.berth.network.domain;

import java.util.List;
import java.util.Map;

/**
 * A CNM network as berth stores it (state topic, cluster map) and Docker shows it.
 *
 * @param id         64 hex
 * @param name       unique name on its node (local scope) or in the cluster (swarm scope)
 * @param driver     bridge, host, null, ...
 * @param scope      local or swarm
 * @param node       the node that owns it (local scope)
 * @param created    RFC 3339 creation time
 * @param enableIpv4 has IPv4 pools
 * @param enableIpv6 has IPv6 pools
 * @param ipamDriver {@code default}
 * @param ipam       the complete pools (subnet, range, gateway, aux addresses)
 * @param ipamOptions IPAM driver options
 * @param internal   no traffic in or out of the network's subnet
 * @param attachable standalone containers may attach (swarm scope)
 * @param ingress    the routing-mesh network
 * @param options    driver options as given
 * @param labels     labels
 * @param device     the host device the driver made (bridge name), or {@code null}
 * @param predefined bridge, host, none: made by the node, cannot be removed
 */
public record Network(String id, String name, String driver, String scope, String node, String created,
                      boolean enableIpv4, boolean enableIpv6, String ipamDriver, List<IpamConfig> ipam,
                      Map<String, String> ipamOptions, boolean internal, boolean attachable, boolean ingress,
                      Map<String, String> options, Map<String, String> labels, String device, boolean predefined) {
  public Network {
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    ipamOptions = ipamOptions == null ? Map.of() : Map.copyOf(ipamOptions);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The name of Docker's default network. */
  public static final String DEFAULT_BRIDGE = "bridge";

  /** The network resolves container names (user-defined networks; not the default bridge, host or none). */
  public boolean dnsEnabled() {
    return !predefined && driver.equals("bridge");
  }

  public boolean defaultBridge() {
    return predefined && name.equals(DEFAULT_BRIDGE);
  }

  public IpamConfig ipv4Pool() {
    return ipam.stream().filter(c -> !c.v6()).findFirst().orElse(null);
  }

  public IpamConfig ipv6Pool() {
    return ipam.stream().filter(IpamConfig::v6).findFirst().orElse(null);
  }

  public String shortId() {
    return id.substring(0, 12);
  }

  public Network withDevice(String dev) {
    return new Network(id, name, driver, scope, node, created, enableIpv4, enableIpv6, ipamDriver, ipam, ipamOptions,
        internal, attachable, ingress, options, labels, dev, predefined);
  }
}
