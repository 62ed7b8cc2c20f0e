package io.berth.logging;

import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.daemon.JournaldAppender;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.journald.JournaldSink;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging service: collects container output (stdio FIFOs or files, and {@code berth.logs.ingest}), writes it
 * through Docker's log drivers, serves {@code docker logs}, and sends berth's own logs to journald when there is one.
 * Deploys two verticles: {@link LoggingEventsVerticle} (container events, ingest, drop reports), then
 * {@link LogsApiVerticle} (HTTP), which share the node's {@link ContainerRegistry}.
 */
public final class LoggingService implements ServiceModule {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingService.class);

  private final ContainerRegistry registry = new ContainerRegistry();
  private final List<String> deployments = new ArrayList<>();
  private ServiceContext ctx;

  @Override
  public String name() {
    return "logging";
  }

  @Override
  public Future<Void> start(ServiceContext context) {
    this.ctx = context;
    if (JournaldAppender.installIfPresent(JournaldSink.socketPath())) {
      LOG.info("berth logs also go to journald ({})", JournaldSink.socketPath());
    }
    LogDrivers drivers = new LogDrivers(HttpClient.newHttpClient());
    return deploy(new LoggingEventsVerticle(ctx, registry, drivers))
        .compose(v -> deploy(new LogsApiVerticle(ctx, name(), registry)));
  }

  private Future<Void> deploy(Deployable verticle) {
    return ctx.vertx().deployVerticle(verticle).onSuccess(deployments::add).mapEmpty();
  }

  /**
   * Undeploys the verticles (newest first: no request, event or ingest record is handled after this), then lets the
   * containers' logs go: what was read reaches the drivers, spools stay on disk for the next start.
   */
  @Override
  public Future<Void> stop() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.eventually(() -> ctx.vertx().undeploy(id)
          .onFailure(e -> LOG.warn("undeploying a logging verticle failed: {}", e.getMessage())));
    }
    deployments.clear();
    return undeployed.eventually(() -> ctx == null ? Future.succeededFuture() : ctx.vertx().executeBlocking(() -> {
      suspendAll();
      return null;
    })).mapEmpty();
  }

  private void suspendAll() {
    for (ContainerLogs c : registry.all()) {
      try {
        c.suspend();
      } catch (Exception e) {
        LOG.warn("closing the log of {} failed: {}", c.info().shortId(), e.getMessage());
      }
    }
  }
}
