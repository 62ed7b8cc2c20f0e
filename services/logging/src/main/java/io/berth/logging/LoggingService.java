package io.berth.logging;

import io.berth.events.Topics;
import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.berth.kit.state.StateStore;
import io.berth.logging.api.LogsApi;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.collect.IngestConsumer;
import io.berth.logging.container.CollectedContainer;
import io.berth.logging.container.LogCollectionController;
import io.berth.logging.container.NodeCollectionHost;
import io.berth.logging.daemon.JournaldAppender;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.journald.JournaldSink;
import io.berth.logging.events.ContainerEventsConsumer;
import io.berth.logging.events.DropReporter;
import io.berth.logging.events.LoggingEventsPublisher;
import io.vertx.core.Future;
import java.net.http.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging service: collects container output (stdio FIFOs or files, and {@code berth.logs.ingest}), writes it
 * through Docker's log drivers, serves {@code docker logs}, and sends berth's own logs to journald when there is one.
 */
public final class LoggingService implements ServiceModule {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingService.class);

  private final ContainerRegistry registry = new ContainerRegistry();
  private IngestConsumer ingest;
  private HttpClient http;

  @Override
  public String name() {
    return "logging";
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    if (JournaldAppender.installIfPresent(JournaldSink.socketPath())) {
      LOG.info("berth logs also go to journald ({})", JournaldSink.socketPath());
    }
    http = HttpClient.newHttpClient();
    LoggingEventsPublisher publisher = new LoggingEventsPublisher(ctx.events(), ctx.node());
    DropReporter drops = new DropReporter(ctx.vertx(), publisher, ctx.metrics(), ctx.node());
    StateStore<CollectedContainer> state =
        ctx.stateStore(Topics.LOGGING_STATE, "berth.logging.containers", CollectedContainer.class);
    LogCollectionController controller = new LogCollectionController(ctx.config(), registry,
        new NodeCollectionHost(new LogDrivers(http)), ctx.hostOps(), state, publisher, drops);
    ServiceHttp api = new ServiceHttp(ctx, name());
    new LogsApi(ctx, registry).mount(api.router());
    return controller.restore()
        .compose(v -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-logging-" + ctx.node(), ContainerEventsConsumer.router(ctx.node(), controller)))
        .compose(sub -> ctx.vertx().executeBlocking(() -> new IngestConsumer(ctx.kafka(), ctx.node(), registry, ctx.metrics())))
        .onSuccess(i -> ingest = i)
        .compose(i -> api.listen("127.0.0.1", 0))
        .mapEmpty();
  }

  @Override
  public Future<Void> stop() {
    if (ingest != null) ingest.close();
    for (ContainerLogs c : registry.all()) {
      try {
        c.suspend();
      } catch (Exception e) {
        LOG.warn("closing the log of {} failed: {}", c.info().shortId(), e.getMessage());
      }
    }
    return Future.succeededFuture();
  }
}
