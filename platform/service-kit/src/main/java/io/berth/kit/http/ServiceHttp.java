package io.berth.kit.http;

import io.berth.kit.errors.BerthException;
import io.berth.kit.errors.ErrorReplies;
import io.berth.kit.logging.LogLevels;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceEndpoints;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP face every berth service shares: {@code /health}, {@code /ready}, {@code /metrics}, the run-time log
 * level at {@code /admin/log-level}, a body size limit, and Docker-shaped errors for everything (404 included).
 * A service adds its domain routes to {@link #router} and calls {@link #listen}.
 */
public final class ServiceHttp {
  /** Docker's API bodies are small; anything past this is refused with 413 before it is read into memory. */
  public static final long BODY_LIMIT = 4L * 1024 * 1024;

  private final ServiceContext ctx;
  private final String service;
  private final Router router;

  public ServiceHttp(ServiceContext ctx, String service) {
    this.ctx = ctx;
    this.service = service;
    this.router = Router.router(ctx.vertx());
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.get("/health").handler(this::health);
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
    router.get("/admin/log-level").handler(this::logLevel);
    router.put("/admin/log-level").handler(this::setLogLevel);
    router.post("/admin/log-level").handler(this::setLogLevel);
  }

  /** The router to add domain routes to; shared routes are already on it. */
  public Router router() {
    return router;
  }

  /**
   * Starts serving on {@code host:port} (port 0 = any free one) and registers the address in the cluster so the
   * gateway of this node can route to it. Unknown paths get Docker's 404.
   */
  public Future<HttpServer> listen(String host, int port) {
    router.route().last().handler(rc -> rc.fail(404));
    router.route().failureHandler(ErrorReplies::handle);
    return ctx.vertx().createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(router)
        .listen()
        .onSuccess(server -> new ServiceEndpoints(ctx.hazelcast())
            .register(ctx.node(), service, host + ":" + server.actualPort()));
  }

  private void health(RoutingContext rc) {
    json(rc, 200, new JsonObject().put("status", "UP").put("service", service).put("node", ctx.node()));
  }

  private void ready(RoutingContext rc) {
    ctx.readiness().check().onComplete(ar -> {
      if (ar.failed()) {
        rc.fail(ar.cause());
        return;
      }
      JsonObject checks = new JsonObject();
      ar.result().forEach(checks::put);
      boolean ok = ar.result().values().stream().allMatch("ok"::equals);
      json(rc, ok ? 200 : 503, new JsonObject().put("status", ok ? "READY" : "NOT_READY").put("checks", checks));
    });
  }

  private void metrics(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(ctx.metrics().scrape());
  }

  private void logLevel(RoutingContext rc) {
    json(rc, 200, new JsonObject().put("level", LogLevels.current()));
  }

  private void setLogLevel(RoutingContext rc) {
    String level = rc.queryParams().get("level");
    if (level == null && rc.body() != null && rc.body().length() > 0) {
      level = rc.body().asJsonObject().getString("level");
    }
    if (level == null) {
      throw new BerthException.InvalidRequest("level is required");
    }
    LogLevels.set(level);
    json(rc, 200, new JsonObject().put("level", LogLevels.current()));
  }

  /** Replies with JSON in the content type the docker CLI expects. */
  public static void json(RoutingContext rc, int status, Object body) {
    String encoded = body instanceof JsonObject o ? o.encode()
        : body instanceof io.vertx.core.json.JsonArray a ? a.encode()
        : io.vertx.core.json.Json.encode(body);
    rc.response().setStatusCode(status).putHeader("Content-Type", ErrorReplies.JSON).end(encoded);
  }
}
