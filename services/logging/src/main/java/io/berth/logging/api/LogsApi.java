package io.berth.logging.api;

import io.berth.kit.errors.BerthException;
import io.berth.kit.node.ServiceContext;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.ExtraAttributes;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.LogReadRequest;
import io.berth.logging.domain.SwarmTaskInfo;
import io.berth.logging.driver.Threads;
import io.berth.logging.file.LogFileReader;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging service's HTTP API:
 * <ul>
 *   <li>{@code GET /containers/{id}/logs} — Docker's endpoint ({@code docker logs}), for every driver;</li>
 *   <li>{@code GET /logging/services/{id}/logs} — this node's part of {@code docker service logs}: the logs of the
 *       service's tasks on this node, each line prefixed with Docker's details
 *       ({@code com.docker.swarm.node.id=..,com.docker.swarm.service.id=..,com.docker.swarm.task.id=.. });
 *       the gateway merges nodes;</li>
 *   <li>{@code POST /logging/validate} with {@code {"Type": "...", "Config": {...}}} (Docker's
 *       {@code HostConfig.LogConfig}) — 204 when the configuration is acceptable on this node (daemon defaults
 *       applied), else 400 with Docker's message; for the gateway to call at container create.</li>
 * </ul>
 */
public final class LogsApi {
  private static final Logger LOG = LoggerFactory.getLogger(LogsApi.class);

  private final ServiceContext ctx;
  private final ContainerRegistry registry;

  public LogsApi(ServiceContext ctx, ContainerRegistry registry) {
    this.ctx = ctx;
    this.registry = registry;
  }

  public void mount(Router router) {
    router.get("/containers/:id/logs").handler(this::containerLogs);
    router.get("/logging/services/:id/logs").handler(this::serviceLogs);
    router.post("/logging/validate").handler(this::validate);
  }

  private void containerLogs(RoutingContext rc) {
    ContainerLogs c = registry.resolve(rc.pathParam("id"));
    LogReadRequest req = LogQuery.parse(rc.queryParams());
    LogFileReader reader = c.reader();
    if (reader == null) {
      throw new BerthException.InvalidRequest("configured logging driver does not support reading");
    }
    String details = req.details() ? details(c, Map.of()) : null;
    start(rc, c.info().tty(), req).accept(List.of(new Reading(c, reader, details)));
  }

  private void serviceLogs(RoutingContext rc) {
    String service = rc.pathParam("id");
    LogReadRequest req = LogQuery.parse(rc.queryParams());
    List<Reading> readings = new ArrayList<>();
    for (ContainerLogs c : registry.all()) {
      SwarmTaskInfo t = c.info().task();
      if (t == null || !(service.equals(t.serviceId()) || service.equals(t.serviceName()))) continue;
      LogFileReader reader = c.reader();
      if (reader == null) continue;
      Map<String, String> swarm = Map.of("com.docker.swarm.node.id", ctx.node(),
          "com.docker.swarm.service.id", t.serviceId(), "com.docker.swarm.task.id", t.taskId());
      readings.add(new Reading(c, reader, details(c, swarm)));
    }
    LogReadRequest withDetails = new LogReadRequest(req.stdout(), req.stderr(), req.follow(), req.tail(),
        req.sinceNanos(), req.untilNanos(), req.timestamps(), true);
    start(rc, false, withDetails).accept(readings);
  }

  private record Reading(ContainerLogs container, LogFileReader reader, String details) {}

  /** Sends the 200 headers at once (as dockerd does), then streams each reading from its own thread. */
  private java.util.function.Consumer<List<Reading>> start(RoutingContext rc, boolean tty, LogReadRequest req) {
    rc.response().setStatusCode(200).setChunked(true)
        .putHeader("Content-Type", tty ? "application/vnd.docker.raw-stream"
            : "application/vnd.docker.multiplexed-stream");
    rc.response().writeHead();
    // the response ends on the context that serves the request (the API verticle's), not on any other
    Context served = Vertx.currentContext();
    return readings -> {
      List<Thread> threads = new ArrayList<>();
      List<LogStreamWriter> writers = new ArrayList<>();
      Object lock = new Object();
      for (Reading r : readings) {
        LogStreamWriter w = new LogStreamWriter(rc.response(), !tty, req.timestamps(), r.details());
        writers.add(w);
        threads.add(Threads.start("logs-read-" + r.container().info().shortId(), () -> {
          try {
            r.reader().read(req, m -> {
              synchronized (lock) {
                boolean more = w.accept(m);
                if (r.container().producerGone() || !req.follow()) return more;
                w.flush();
                return more;
              }
            }, r.container().follow(w::closed));
          } catch (Exception e) {
            LOG.warn("reading logs of {} failed: {}", r.container().info().shortId(), e.toString());
          } finally {
            synchronized (lock) {
              w.flush();
            }
          }
        }));
      }
      Threads.start("logs-end", () -> {
        for (Thread t : threads) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        served.runOnContext(v -> {
          if (!rc.response().ended() && !rc.response().closed()) rc.response().end();
        });
      });
    };
  }

  /** Docker's details prefix: the attributes, sorted, {@code k=v} joined by commas, URL-query-escaped, then a space. */
  private static String details(ContainerLogs c, Map<String, String> extra) {
    Map<String, String> attrs = new TreeMap<>(ExtraAttributes.of(c.config().options(), c.info(), k -> k));
    attrs.putAll(extra);
    if (attrs.isEmpty()) return "";
    return attrs.entrySet().stream()
        .map(e -> esc(e.getKey()) + "=" + esc(e.getValue()))
        .collect(Collectors.joining(",")) + " ";
  }

  private static String esc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void validate(RoutingContext rc) {
    JsonObject body = rc.body() == null || rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
    Map<String, String> config = new TreeMap<>();
    body.getJsonObject("Config", new JsonObject()).forEach(e -> config.put(e.getKey(), String.valueOf(e.getValue())));
    EffectiveLogConfig cfg = LogConfigValidator.resolve(body.getString("Type", ""), config,
        ctx.config().logDriver(), ctx.config().logOpts());
    LogConfigValidator.validate(cfg);
    rc.response().setStatusCode(204).end();
  }
}
