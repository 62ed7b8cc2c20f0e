package io.berth.logging.container;

import io.berth.events.container.ContainerCreated;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LoggingAttached;
import io.berth.kit.config.DaemonConfig;
import io.berth.kit.errors.BerthException;
import io.berth.kit.state.StateStore;
import io.berth.kit.tracing.HostOps;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.SwarmTaskInfo;
import io.berth.logging.driver.DropListener;
import io.berth.logging.events.DropReporter;
import io.berth.logging.events.LoggingEventsPublisher;
import io.vertx.core.Future;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's log collection through its life on this node, as dockerd's daemon does it around its log driver:
 * <ul>
 *   <li>{@link #attach} (container created): the log configuration is resolved against the daemon's and validated
 *       as dockerd does; a refusal is logged with Docker's message, kept for the logs endpoint and published as
 *       {@code config.rejected}, and nothing is collected. Otherwise stdio FIFOs are created when the producer named
 *       none, the driver is opened, reading starts, the container is stored and {@code attached} names the
 *       sources and the driver;</li>
 *   <li>{@link #started}: read again (a restart); {@link #stopped}: drain, flush, end followers;
 *       {@link #removed}: close the driver, forget the container;</li>
 *   <li>{@link #restore} (service start): reattach to every stored container of this node before events flow.</li>
 * </ul>
 * Idempotent: a replayed event finds the state it would create (and a replayed created gets the same answer). A
 * transient failure (Kafka, Hazelcast) fails the call for the kit to retry; the retry completes what the first
 * attempt left undone. The caller hands only this node's containers.
 */
public final class LogCollectionController {
  private static final Logger LOG = LoggerFactory.getLogger(LogCollectionController.class);

  private final DaemonConfig config;
  private final ContainerRegistry registry;
  private final CollectionHost host;
  private final HostOps hostOps;
  private final StateStore<CollectedContainer> state;
  private final LoggingEventsPublisher publisher;
  private final DropReporter drops;

  public LogCollectionController(DaemonConfig config, ContainerRegistry registry, CollectionHost host,
      HostOps hostOps, StateStore<CollectedContainer> state, LoggingEventsPublisher publisher, DropReporter drops) {
    this.config = config;
    this.registry = registry;
    this.host = host;
    this.hostOps = hostOps;
    this.state = state;
    this.publisher = publisher;
    this.drops = drops;
  }

  /**
   * After a restart: rebuilds the state and reattaches to every container of this node that was not removed (a
   * stopped one is drained at once), before events are consumed again.
   */
  public Future<Void> restore() {
    return state.rebuild()
        .compose(n -> state.values())
        .compose(all -> {
          Future<Void> chain = Future.succeededFuture();
          for (CollectedContainer c : all) {
            if (!config.nodeName().equals(c.node())) continue;
            chain = chain.compose(v -> attach(c.created(), false))
                .compose(v -> c.stopped() ? drain(c.id(), false) : Future.succeededFuture());
          }
          return chain;
        });
  }

  /** The container was created: see the class comment. */
  public Future<Void> attach(ContainerCreated c) {
    return attach(c, true);
  }

  private Future<Void> attach(ContainerCreated c, boolean fresh) {
    ContainerLogs open = registry.get(c.id()).orElse(null);
    if (open != null) return fresh ? answerAgain(c, open) : Future.succeededFuture();
    EffectiveLogConfig cfg = LogConfigValidator.resolve(c.logConfig().type(), c.logConfig().config(),
        config.logDriver(), config.logOpts());
    try {
      LogConfigValidator.validate(cfg);
    } catch (RuntimeException e) {
      return refuse(c, cfg, e.getMessage());
    }
    ContainerInfo info = info(c);
    Path dir = config.dataRoot().resolve("containers").resolve(c.id());
    DropListener dropped = drops.forContainer(info.id());
    return hostOps.run("logging attach " + info.shortId(), () -> {
      StdioSources stdio = c.stdio() != null && c.stdio().stdoutPath() != null
          ? new StdioSources(Path.of(c.stdio().stdoutPath()),
              c.stdio().stderrPath() == null ? null : Path.of(c.stdio().stderrPath()))
          : host.fifos(dir, c.tty());
      ContainerLogs logs = host.open(info, cfg, dir, stdio, dropped);
      registry.put(logs);
      host.collect(logs);
      return logs;
    }).recover(e -> e instanceof BerthException.InvalidRequest
        ? refuse(c, cfg, e.getMessage()).map(v -> null) : Future.failedFuture(e))
      .compose(logs -> logs == null ? Future.succeededFuture() : announce(c, cfg, logs, fresh));
  }

  /**
   * A created event for a container already collected: a replay, or the retry of an attach whose store or publish
   * failed (Kafka or Hazelcast away). Nothing is opened again; what the first attempt did not store is stored, and
   * the same {@code attached} answer goes out again, so a waiter that missed it is answered.
   */
  private Future<Void> answerAgain(ContainerCreated c, ContainerLogs open) {
    return state.get(c.id())
        .compose(stored -> stored != null ? Future.<Void>succeededFuture()
            : state.put(c.id(), new CollectedContainer(c.id(), config.nodeName(), c, false)))
        .compose(v -> announce(c, open.config(), open, false));
  }

  private static ContainerInfo info(ContainerCreated c) {
    SwarmTaskInfo task = c.task() == null ? null
        : new SwarmTaskInfo(c.task().serviceId(), c.task().serviceName(), c.task().taskId(), c.task().taskSlot());
    return new ContainerInfo(c.id(), c.name(), c.node(), c.image(), c.imageId(), c.command(), c.createdAt(),
        c.labels(), c.env(), c.tty(), task);
  }

  /** dockerd refuses the container; berth logs it, keeps it for the logs endpoint and tells the producer. */
  private Future<Void> refuse(ContainerCreated c, EffectiveLogConfig cfg, String message) {
    LOG.error("container {}: log configuration refused: {}", c.id(), message);
    registry.reject(c.id(), c.name(), message);
    return publisher.configRejected(
        new LogConfigRejected(c.id(), config.nodeName(), cfg.driver() == null ? "" : cfg.driver(), message));
  }

  private Future<Void> announce(ContainerCreated c, EffectiveLogConfig cfg, ContainerLogs opened, boolean fresh) {
    Future<Void> remembered = fresh
        ? state.put(c.id(), new CollectedContainer(c.id(), config.nodeName(), c, false)) : Future.succeededFuture();
    return remembered.compose(v -> publisher.attached(new LoggingAttached(c.id(), config.nodeName(),
        opened.stdoutPath().toString(), opened.stderrPath() == null ? null : opened.stderrPath().toString(),
        cfg.driver())));
  }

  /** The container (re)started: read its output again. */
  public Future<Void> started(String id) {
    return registry.get(id).map(logs -> {
      host.collect(logs);
      return remember(logs, false);
    }).orElse(Future.succeededFuture());
  }

  /** The container stopped: drain its output; followers end. */
  public Future<Void> stopped(String id) {
    return drain(id, true);
  }

  private Future<Void> drain(String id, boolean remember) {
    return registry.get(id)
        .map(logs -> hostOps.run("logging drain " + logs.info().shortId(), () -> host.drain(logs)).compose(v -> remember ? remember(logs, true) : Future.<Void>succeededFuture()))
        .orElse(Future.succeededFuture());
  }

  private Future<Void> remember(ContainerLogs logs, boolean stopped) {
    return state.get(logs.info().id()).compose(c -> c == null ? Future.succeededFuture()
        : state.put(c.id(), new CollectedContainer(c.id(), c.node(), c.created(), stopped)));
  }

  /** The container was removed: close its driver (delivering what it holds) and forget it. */
  public Future<Void> removed(String id) {
    return registry.remove(id)
        .map(logs -> hostOps.run("logging detach " + logs.info().shortId(), () -> host.close(logs))
            .onSuccess(v -> drops.forget(id)))
        .orElse(Future.succeededFuture())
        .compose(v -> state.remove(id));
  }
}
