package io.berth.network.api;

import io.berth.events.container.ContainerCreated;
import io.berth.kit.errors.BerthException;
import io.berth.kit.http.ServiceHttp;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.domain.NetworkFilters;
import io.berth.network.domain.NetworkSpec;
import io.berth.network.domain.Sandbox;
import io.berth.network.networks.NetworkController;
import io.berth.network.sandbox.EndpointAttachments;
import io.berth.network.sandbox.SandboxLookup;
import io.berth.network.sandbox.SandboxSetup;
import io.berth.network.sandbox.SetupFailures;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker Engine API for networks (paths arrive without the {@code /v1.NN} prefix), and berth's sandbox view
 * {@code GET /sandboxes/{containerId}} that the gateway serves {@code docker port} and inspect from.
 */
public final class NetworkApi {
  private final NetworkController networks;
  private final SandboxSetup setup;
  private final EndpointAttachments attachments;
  private final SandboxLookup sandboxes;
  private final SetupFailures failures;

  public NetworkApi(NetworkController networks, SandboxSetup setup, EndpointAttachments attachments,
                    SandboxLookup sandboxes, SetupFailures failures) {
    this.networks = networks;
    this.setup = setup;
    this.attachments = attachments;
    this.sandboxes = sandboxes;
    this.failures = failures;
  }

  public void mount(Router router) {
    router.get("/networks").handler(this::list);
    router.post("/networks/create").handler(this::create);
    router.post("/networks/prune").handler(this::prune);
    router.get("/networks/:id").handler(this::inspect);
    router.delete("/networks/:id").handler(this::remove);
    router.post("/networks/:id/connect").handler(this::connect);
    router.post("/networks/:id/disconnect").handler(this::disconnect);
    router.get("/sandboxes/:id").handler(this::sandbox);
    router.post("/sandboxes").handler(this::createSandbox);
    router.delete("/sandboxes/:id").handler(this::removeSandbox);
  }

  private void list(RoutingContext rc) {
    var filter = NetworkFilters.parse(rc.queryParams().get("filters")).forList(networks::inUse);
    JsonArray out = new JsonArray();
    networks.list(filter).forEach(n -> out.add(NetworkJson.summary(n)));
    ServiceHttp.json(rc, 200, out);
  }

  private void create(RoutingContext rc) {
    JsonObject b = body(rc);
    JsonObject ipam = b.getJsonObject("IPAM", new JsonObject());
    List<IpamConfig> configs = new ArrayList<>();
    JsonArray cs = ipam.getJsonArray("Config");
    if (cs != null) {
      for (int i = 0; i < cs.size(); i++) {
        JsonObject c = cs.getJsonObject(i);
        configs.add(new IpamConfig(blankToNull(c.getString("Subnet")), blankToNull(c.getString("IPRange")),
            blankToNull(c.getString("Gateway")), strings(c.getJsonObject("AuxiliaryAddresses"))));
      }
    }
    NetworkSpec spec = new NetworkSpec(b.getString("Name"), b.getString("Driver"), b.getBoolean("Internal", false),
        b.getBoolean("Attachable", false), b.getBoolean("Ingress", false), b.getBoolean("ConfigOnly", false),
        b.getBoolean("EnableIPv4", true), b.getBoolean("EnableIPv6", false), ipam.getString("Driver"), configs,
        strings(ipam.getJsonObject("Options")), strings(b.getJsonObject("Options")), strings(b.getJsonObject("Labels")));
    reply(rc, 201, networks.create(spec).map(n -> new JsonObject().put("Id", n.id()).put("Warning", "")));
  }

  private void inspect(RoutingContext rc) {
    Network n = networks.resolve(rc.pathParam("id"));
    ServiceHttp.json(rc, 200, NetworkJson.inspect(n, networks.endpointsOf(n)));
  }

  private void remove(RoutingContext rc) {
    networks.remove(rc.pathParam("id")).onSuccess(x -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }

  private void prune(RoutingContext rc) {
    reply(rc, 200, networks.prune(NetworkFilters.parse(rc.queryParams().get("filters")))
        .map(names -> new JsonObject().put("NetworksDeleted", new JsonArray(names))));
  }

  private void connect(RoutingContext rc) {
    JsonObject b = body(rc);
    String container = require(b, "Container");
    JsonObject cfg = b.getJsonObject("EndpointConfig", new JsonObject());
    JsonObject ipamCfg = cfg.getJsonObject("IPAMConfig", new JsonObject());
    List<String> aliases = new ArrayList<>();
    JsonArray a = cfg.getJsonArray("Aliases");
    if (a != null) {
      a.forEach(x -> aliases.add(String.valueOf(x)));
    }
    attachments.connect(rc.pathParam("id"), container, aliases, blankToNull(ipamCfg.getString("IPv4Address")),
            blankToNull(ipamCfg.getString("IPv6Address")), strings(cfg.getJsonObject("DriverOpts")))
        .onSuccess(x -> rc.response().setStatusCode(200).end()).onFailure(rc::fail);
  }

  private void disconnect(RoutingContext rc) {
    JsonObject b = body(rc);
    attachments.disconnect(rc.pathParam("id"), require(b, "Container"), b.getBoolean("Force", false))
        .onSuccess(x -> rc.response().setStatusCode(200).end()).onFailure(rc::fail);
  }

  /** {@code GET /sandboxes/{containerId}}: the sandbox, or the error its set-up failed with, or 404. */
  private void sandbox(RoutingContext rc) {
    String id = rc.pathParam("id");
    Sandbox s;
    try {
      s = sandboxes.find(id);
    } catch (BerthException.NotFound e) {
      BerthException failed = failures.get(id);
      throw failed != null ? failed : e;
    }
    ServiceHttp.json(rc, 200, NetworkJson.sandbox(s, sandboxes.endpointsOf(s)));
  }

  /** {@code POST /sandboxes} with a {@code ContainerCreated} body: the synchronous form of the created event. */
  private void createSandbox(RoutingContext rc) {
    ContainerCreated c;
    try {
      c = Json.decodeValue(rc.body().buffer(), ContainerCreated.class);
    } catch (RuntimeException e) {
      throw BerthException.invalid("invalid container: %s", e.getMessage());
    }
    reply(rc, 201, setup.create(c).map(s -> NetworkJson.sandbox(s, sandboxes.endpointsOf(s))));
  }

  private void removeSandbox(RoutingContext rc) {
    setup.remove(rc.pathParam("id")).onSuccess(x -> rc.response().setStatusCode(204).end()).onFailure(rc::fail);
  }

  private static void reply(RoutingContext rc, int status, Future<?> result) {
    result.onSuccess(body -> ServiceHttp.json(rc, status, body)).onFailure(rc::fail);
  }

  private static JsonObject body(RoutingContext rc) {
    if (rc.body() == null || rc.body().length() == 0) {
      return new JsonObject();
    }
    try {
      return rc.body().asJsonObject();
    } catch (RuntimeException e) {
      throw BerthException.invalid("invalid JSON: %s", e.getMessage());
    }
  }

  private static String require(JsonObject b, String field) {
    String v = b.getString(field);
    if (v == null || v.isEmpty()) {
      throw BerthException.invalid("%s is required", field);
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> m = new LinkedHashMap<>();
    if (o != null) {
      o.forEach(e -> m.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue())));
    }
    return m;
  }
}
