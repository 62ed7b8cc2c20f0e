package io.berth.logging;

import io.berth.events.Topics;
import io.berth.kit.events.Subscription;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.state.StateStore;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.collect.IngestConsumer;
import io.berth.logging.container.CollectedContainer;
import io.berth.logging.container.LogCollectionController;
import io.berth.logging.container.NodeCollectionHost;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.events.ContainerEventsConsumer;
import io.berth.logging.events.DropReporter;
import io.berth.logging.events.LoggingEventsPublisher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Log collection's events side, on this verticle's context: container events reach {@link LogCollectionController}
 * here one after the other, the drop reports are published from here, and host work leaves it for worker threads.
 * On start the stored containers are reattached before events are consumed; then {@code berth.logs.ingest} starts
 * (its own thread). On stop both consumers end, so nothing is collected once the service suspends its containers.
 */
final class LoggingEventsVerticle extends VerticleBase {
  private final ServiceContext ctx;
  private final ContainerRegistry registry;
  private final LogDrivers drivers;
  private Subscription subscription;
  private IngestConsumer ingest;

  LoggingEventsVerticle(ServiceContext ctx, ContainerRegistry registry, LogDrivers drivers) {
    this.ctx = ctx;
    this.registry = registry;
    this.drivers = drivers;
  }

  @Override
  public Future<?> start() {
    LoggingEventsPublisher publisher = new LoggingEventsPublisher(ctx.events(), ctx.node());
    DropReporter drops = new DropReporter(context, publisher, ctx.metrics(), ctx.node());
    StateStore<CollectedContainer> state =
        ctx.stateStore(Topics.LOGGING_STATE, "berth.logging.containers", CollectedContainer.class);
    LogCollectionController controller = new LogCollectionController(ctx.config(), registry,
        new NodeCollectionHost(drivers), ctx.hostOps(), state, publisher, drops);
    return controller.restore()
        .compose(v -> ctx.events().subscribe(Topics.CONTAINER_EVENTS, "berth-logging-" + ctx.node(),
            ContainerEventsConsumer.router(ctx.node(), controller)))
        .onSuccess(s -> subscription = s)
        .compose(s -> vertx.executeBlocking(() -> new IngestConsumer(ctx.kafka(), ctx.node(), registry, ctx.metrics())))
        .onSuccess(i -> ingest = i);
  }

  @Override
  public Future<?> stop() {
    Future<Void> unsubscribed = subscription == null ? Future.succeededFuture() : subscription.close();
    return unsubscribed.eventually(() -> ingest == null ? Future.succeededFuture()
        : vertx.executeBlocking(() -> {
          ingest.close();
          return null;
        }));
  }
}
