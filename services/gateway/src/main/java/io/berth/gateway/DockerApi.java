package io.berth.gateway;

import io.berth.gateway.api.ApiVersion;
import io.berth.gateway.api.SystemApi;
import io.berth.gateway.containers.ContainersApi;
import io.berth.gateway.routing.Routes;
import io.berth.gateway.routing.ServiceProxy;
import io.berth.kit.errors.BerthException;
import io.berth.kit.errors.ErrorReplies;
import io.berth.kit.logging.LogLevels;
import io.berth.kit.http.ServiceHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The Docker Engine API as the docker CLI sees it: version prefix checks, the system endpoints, and forwarding of each
 * domain's paths to its owning service on this node. Bodies of forwarded requests are never read here.
 */
final class DockerApi {
  static final String SERVER_HEADER = "berth (linux)";
  private static final java.util.regex.Pattern CONTAINER_INSPECT = java.util.regex.Pattern.compile("^/containers/([^/]+)/json$");
  private final SystemApi system;
  private final ContainersApi containers;
  private final ServiceProxy proxy;

  DockerApi(SystemApi system, ContainersApi containers, ServiceProxy proxy) {
    this.system = system;
    this.containers = containers;
    this.proxy = proxy;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().handler(this::common);
    router.route().handler(this::dispatch);
    router.route().failureHandler(ErrorReplies::handle);
    return router;
  }

  /** Headers dockerd puts on every reply, and the version check of the path prefix. */
  private void common(RoutingContext rc) {
    HttpServerResponse r = rc.response();
    r.putHeader("Server", SERVER_HEADER).putHeader("Api-Version", ApiVersion.MAX.toString()).putHeader("Ostype", "linux");
    rc.put("versioned", ApiVersion.strip(rc.request().path()));
    rc.next();
  }

  private void dispatch(RoutingContext rc) {
    ApiVersion.Versioned versioned = rc.get("versioned");
    String path = versioned.path();
    HttpServerRequest req = rc.request();
    HttpMethod method = req.method();
    if (path.equals("/_ping") && (method == HttpMethod.GET || method == HttpMethod.HEAD)) {
      system.ping(rc);
    } else if (path.equals("/version") && method == HttpMethod.GET) {
      system.version(rc);
    } else if (path.equals("/info") && method == HttpMethod.GET) {
      system.info(rc);
    } else if (path.equals("/containers/json") && method == HttpMethod.GET) {
      containers.list(rc);
    } else if (method == HttpMethod.GET && CONTAINER_INSPECT.matcher(path).matches()) {
      java.util.regex.Matcher m = CONTAINER_INSPECT.matcher(path);
      m.matches();
      containers.inspect(rc, pathSegment(m.group(1)));
    } else if (path.equals("/berth/log-level")) {
      logLevel(rc);
    } else {
      Optional<String> owner = Routes.owner(path);
      if (owner.isEmpty()) {
        ErrorReplies.send(rc.response(), 404, "page not found");
        return;
      }
      String query = req.query();
      String uri = query == null ? path : path + "?" + query;
      proxy.forward(req, owner.get(), uri, response -> response.headers()
          .set("Server", SERVER_HEADER).set("Api-Version", ApiVersion.MAX.toString()).set("Ostype", "linux"));
    }
  }

  /** A %-encoded path segment; a bad escape is the client's error. */
  private static String pathSegment(String encoded) {
    try {
      return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BerthException.InvalidRequest("invalid path: " + encoded);
    }
  }

  /** {@code berth log-level LEVEL}: reads or changes the node's log level while it runs. */
  private void logLevel(RoutingContext rc) {
    if (rc.request().method() == HttpMethod.GET) {
      ServiceHttp.json(rc, 200, new JsonObject().put("level", LogLevels.current()));
      return;
    }
    String level = rc.request().getParam("level");
    if (level == null) {
      throw new BerthException.InvalidRequest("level is required");
    }
    LogLevels.set(level);
    ServiceHttp.json(rc, 200, new JsonObject().put("level", LogLevels.current()));
  }
}
