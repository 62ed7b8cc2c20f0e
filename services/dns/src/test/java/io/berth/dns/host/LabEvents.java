package io.berth.dns.host;

import io.berth.events.BerthEvents;
import io.cloudevents.CloudEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** The network service's and an event producer's facts, as the DNS service receives them, for lab sandboxes. */
final class LabEvents {
  private static final String SOURCE = "urn:berth:test:dns";

  private LabEvents() {}

  static CloudEvent networkCreated(String node) {
    return networkCreated(node, "bridge", "local");
  }

  static CloudEvent networkCreated(String node, String driver, String scope) {
    return event("io.berth.network.network.created", DnsLab.NET_ID, new JsonObject().put("id", DnsLab.NET_ID)
        .put("name", DnsLab.NET).put("driver", driver).put("scope", scope).put("node", node)
        .put("subnets", new JsonArray()
            .add(new JsonObject().put("subnet", "172.30.0.0/24").put("gateway", DnsLab.GW4))
            .add(new JsonObject().put("subnet", "fd30::/64").put("gateway", DnsLab.GW6))));
  }

  static CloudEvent containerCreated(String node, String id, String name, JsonObject dns) {
    return containerCreated(node, id, name, "", dns);
  }

  static CloudEvent containerCreated(String node, String id, String name, String hostname, JsonObject dns) {
    return event("io.berth.container.created", id, new JsonObject().put("id", id).put("name", name)
        .put("hostname", hostname)
        .put("node", node).put("image", "busybox").put("createdAt", "2026-01-01T00:00:00Z")
        .put("networkMode", DnsLab.NET)
        .put("networks", new JsonArray().add(new JsonObject().put("network", DnsLab.NET)))
        .put("dns", dns == null ? new JsonObject() : dns));
  }

  static CloudEvent containerRemoved(String node, String id) {
    return event("io.berth.container.removed", id, new JsonObject().put("id", id).put("node", node));
  }

  static CloudEvent endpoint(String type, String node, String networkId, String network, boolean dnsEnabled,
                             String containerId, String name, int host) {
    return event("io.berth.network.endpoint." + type, containerId, new JsonObject()
        .put("endpointId", endpointId(containerId, networkId)).put("networkId", networkId).put("networkName", network)
        .put("containerId", containerId).put("containerName", name).put("aliases", new JsonArray())
        .put("ipv4", DnsLab.ipv4(host) + "/24").put("ipv6", DnsLab.ipv6(host) + "/64")
        .put("mac", "02:42:ac:1e:00:" + String.format("%02x", host)).put("node", node)
        .put("dnsEnabled", dnsEnabled));
  }

  /** The network service's {@code sandbox.ready} after a container's endpoints joined: one interface per network. */
  static CloudEvent sandboxReady(String node, String containerId, String name, String networkId, String network,
                                 boolean dnsEnabled, int host) {
    return event("io.berth.network.sandbox.ready", containerId, new JsonObject().put("containerId", containerId)
        .put("sandboxKey", "/run/berth/netns/" + containerId).put("node", node).put("containerName", name)
        .put("interfaces", new JsonArray().add(new JsonObject().put("name", "eth0").put("network", networkId)
            .put("mac", "02:42:ac:1e:00:" + String.format("%02x", host)).put("ipv4", DnsLab.ipv4(host) + "/24")
            .put("ipv6", DnsLab.ipv6(host) + "/64").put("gateway", DnsLab.GW4).put("networkName", network)
            .put("dnsEnabled", dnsEnabled))));
  }

  static String endpointId(String containerId, String networkId) {
    return containerId.substring(32) + networkId.substring(0, 32);
  }

  private static CloudEvent event(String type, String key, JsonObject data) {
    return BerthEvents.create(type, SOURCE, key, data.encode().getBytes(StandardCharsets.UTF_8));
  }
}
