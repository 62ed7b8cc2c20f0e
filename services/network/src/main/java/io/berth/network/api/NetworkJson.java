package io.berth.network.api;

import io.berth.network.domain.Endpoint;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.domain.PortMapping;
import io.berth.network.domain.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Docker's JSON shapes for networks ({@code NetworkInspect}/{@code NetworkSummary}) and berth's sandbox view. */
public final class NetworkJson {
  private NetworkJson() {}

  /** {@code GET /networks/{id}}: with {@code Containers}. */
  public static JsonObject inspect(Network n, List<Endpoint> endpoints) {
    JsonObject containers = new JsonObject();
    for (Endpoint e : endpoints) {
      containers.put(e.containerId(), new JsonObject()
          .put("Name", e.containerName())
          .put("EndpointID", e.id())
          .put("MacAddress", e.mac() == null ? "" : e.mac())
          .put("IPv4Address", e.ipv4() == null ? "" : e.ipv4())
          .put("IPv6Address", e.ipv6() == null ? "" : e.ipv6()));
    }
    return summary(n).put("Containers", containers);
  }

  /** {@code GET /networks} entry: no {@code Containers} (API ≥ 1.28). */
  public static JsonObject summary(Network n) {
    JsonArray config = new JsonArray();
    for (IpamConfig c : n.ipam()) {
      JsonObject o = new JsonObject().put("Subnet", c.subnet());
      if (c.ipRange() != null) {
        o.put("IPRange", c.ipRange());
      }
      if (c.gateway() != null) {
        o.put("Gateway", c.gateway());
      }
      if (!c.auxAddresses().isEmpty()) {
        o.put("AuxiliaryAddresses", new JsonObject(new java.util.LinkedHashMap<>(c.auxAddresses())));
      }
      config.add(o);
    }
    return new JsonObject()
        .put("Name", n.name())
        .put("Id", n.id())
        .put("Created", n.created())
        .put("Scope", n.scope())
        .put("Driver", n.driver())
        .put("EnableIPv4", n.enableIpv4())
        .put("EnableIPv6", n.enableIpv6())
        .put("IPAM", new JsonObject().put("Driver", n.ipamDriver())
            .put("Options", n.ipamOptions().isEmpty() ? null : new JsonObject(new java.util.LinkedHashMap<>(n.ipamOptions())))
            .put("Config", config))
        .put("Internal", n.internal())
        .put("Attachable", n.attachable())
        .put("Ingress", n.ingress())
        .put("ConfigFrom", new JsonObject().put("Network", ""))
        .put("ConfigOnly", false)
        .put("Options", new JsonObject(new java.util.LinkedHashMap<>(n.options())))
        .put("Labels", new JsonObject(new java.util.LinkedHashMap<>(n.labels())));
  }

  /**
   * {@code GET /sandboxes/{containerId}}: {@code {"ContainerID", "SandboxKey", "Mode", "Gateway",
   * "Networks": {name: {NetworkID, EndpointID, InterfaceName, MacAddress, IPAddress, IPPrefixLen, Gateway,
   * GlobalIPv6Address, GlobalIPv6PrefixLen, IPv6Gateway, Aliases}}, "Ports": {"80/tcp": [{"HostIp","HostPort"}]}}}.
   */
  public static JsonObject sandbox(Sandbox s, List<Endpoint> endpoints) {
    JsonObject nets = new JsonObject();
    String gateway = "";
    for (Endpoint e : endpoints) {
      JsonObject o = new JsonObject()
          .put("NetworkID", e.networkId())
          .put("EndpointID", e.id())
          .put("InterfaceName", e.ifName() == null ? "" : e.ifName())
          .put("MacAddress", e.mac() == null ? "" : e.mac())
          .put("IPAddress", e.ipv4() == null ? "" : e.ipv4Address())
          .put("IPPrefixLen", prefix(e.ipv4()))
          .put("Gateway", e.gateway4() == null ? "" : e.gateway4())
          .put("GlobalIPv6Address", e.ipv6() == null ? "" : e.ipv6Address())
          .put("GlobalIPv6PrefixLen", prefix(e.ipv6()))
          .put("IPv6Gateway", e.gateway6() == null ? "" : e.gateway6())
          .put("Aliases", new JsonArray(e.aliases()));
      nets.put(e.networkName(), o);
      if (gateway.isEmpty() && e.gateway4() != null && e.ipv4() != null) {
        gateway = e.gateway4();
      }
    }
    return new JsonObject()
        .put("ContainerID", s.containerId())
        .put("SandboxKey", s.key())
        .put("Mode", s.mode())
        .put("Gateway", gateway)
        .put("Networks", nets)
        .put("Ports", ports(s));
  }

  /** Docker's {@code NetworkSettings.Ports}: requested container ports with their host bindings. */
  public static JsonObject ports(Sandbox s) {
    JsonObject out = new JsonObject();
    for (PortMapping m : s.published()) {
      JsonArray list = out.getJsonArray(m.portKey());
      if (list == null) {
        list = new JsonArray();
        out.put(m.portKey(), list);
      }
      list.add(new JsonObject().put("HostIp", m.hostIp()).put("HostPort", String.valueOf(m.hostPort())));
    }
    return out;
  }

  private static int prefix(String cidr) {
    return cidr == null ? 0 : Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
  }
}
