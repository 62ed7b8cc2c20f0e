package io.berth.logging.events;

import io.berth.events.BerthEvents;
import io.berth.events.container.ContainerCreated;
import io.berth.events.container.ContainerRemoved;
import io.berth.events.container.ContainerStarted;
import io.berth.events.container.ContainerStopped;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LoggingAttached;
import io.berth.events.Topics;
import io.berth.kit.errors.BerthException;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.state.StateStore;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.collect.ContainerRegistry;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogConfigValidator;
import io.berth.logging.domain.SwarmTaskInfo;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.LogTarget;
import io.berth.logging.host.Fifos;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container lifecycle → log collection. created: validate the log configuration (a refusal is logged with Docker's
 * message, kept for the logs endpoint and published as {@code io.berth.logging.config.rejected}), open the driver, create stdio FIFOs when the producer named none, start
 * reading and announce {@code io.berth.logging.attached}; started: read again after a restart; stopped: drain and
 * end followers; removed: close. Idempotent: a repeated event finds the state it would create.
 */
public final class ContainerEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerEvents.class);

  private final ServiceContext ctx;
  private final ContainerRegistry registry;
  private final LogDrivers drivers;
  private final DropReporter drops;
  private final StateStore<CollectedContainer> state;

  public ContainerEvents(ServiceContext ctx, ContainerRegistry registry, LogDrivers drivers, DropReporter drops) {
    this.ctx = ctx;
    this.registry = registry;
    this.drivers = drivers;
    this.drops = drops;
    this.state = ctx.stateStore(Topics.LOGGING_STATE, "berth.logging.containers", CollectedContainer.class);
  }

  /**
   * After a restart: rebuilds the state and reattaches to every container of this node that was not removed, before
   * events are consumed again (the event handlers are idempotent, so a replayed event changes nothing).
   */
  public Future<Void> reattach() {
    return state.rebuild()
        .compose(n -> state.values())
        .compose(all -> {
          Future<Void> chain = Future.succeededFuture();
          for (CollectedContainer c : all) {
            if (!local(c.node())) continue;
            chain = chain.compose(v -> attach(c.created(), false))
                .compose(v -> c.stopped() ? drain(c.id(), false) : Future.succeededFuture());
          }
          return chain;
        });
  }

  public Future<Void> handle(CloudEvent event) {
    return switch (event.getType()) {
      case "io.berth.container.created" -> created(BerthEvents.data(event, ContainerCreated.class));
      case "io.berth.container.started" -> started(BerthEvents.data(event, ContainerStarted.class));
      case "io.berth.container.stopped" -> stopped(BerthEvents.data(event, ContainerStopped.class));
      case "io.berth.container.removed" -> removed(BerthEvents.data(event, ContainerRemoved.class));
      default -> Future.succeededFuture();
    };
  }

  private boolean local(String node) {
    return node == null || node.equals(ctx.node());
  }

  private Future<Void> created(ContainerCreated c) {
    return attach(c, true);
  }

  private Future<Void> attach(ContainerCreated c, boolean fresh) {
    if (!local(c.node()) || registry.get(c.id()).isPresent()) return Future.succeededFuture();
    EffectiveLogConfig cfg = LogConfigValidator.resolve(c.logConfig().type(), c.logConfig().config(),
        ctx.config().logDriver(), ctx.config().logOpts());
    try {
      LogConfigValidator.validate(cfg);
    } catch (RuntimeException e) {
      return refuse(c, cfg, e.getMessage());
    }
    SwarmTaskInfo task = c.task() == null ? null
        : new SwarmTaskInfo(c.task().serviceId(), c.task().serviceName(), c.task().taskId(), c.task().taskSlot());
    ContainerInfo info = new ContainerInfo(c.id(), c.name(), c.node(), c.image(), c.imageId(), c.command(),
        c.createdAt(), c.labels(), c.env(), c.tty(), task);
    Path dir = ctx.config().dataRoot().resolve("containers").resolve(c.id());
    return ctx.hostOps().run("logging attach " + info.shortId(), () -> {
      Path stdout;
      Path stderr;
      if (c.stdio() != null && c.stdio().stdoutPath() != null) {
        stdout = Path.of(c.stdio().stdoutPath());
        stderr = c.stdio().stderrPath() == null ? null : Path.of(c.stdio().stderrPath());
      } else {
        stdout = Fifos.ensure(dir.resolve("stdout.fifo"));
        stderr = c.tty() ? null : Fifos.ensure(dir.resolve("stderr.fifo"));
      }
      ContainerLogs[] holder = new ContainerLogs[1];
      LogTarget target = drivers.open(info, cfg, dir, drops.forContainer(info.id()),
          () -> { if (holder[0] != null) holder[0].notifyReaders(); });
      ContainerLogs logs = new ContainerLogs(info, cfg, target, stdout, stderr);
      holder[0] = logs;
      registry.put(logs);
      logs.startCollecting();
      return logs;
    }).recover(e -> e instanceof BerthException.InvalidRequest
        ? refuse(c, cfg, e.getMessage()).map(v -> null) : Future.failedFuture(e))
      .compose(logs -> logs == null ? Future.succeededFuture() : announce(c, cfg, logs, fresh));
  }

  /** dockerd refuses the container; berth logs it, keeps it for the logs endpoint and tells the producer. */
  private Future<Void> refuse(ContainerCreated c, EffectiveLogConfig cfg, String message) {
    LOG.error("container {}: log configuration refused: {}", c.id(), message);
    registry.reject(c.id(), c.name(), message);
    return ctx.events().publish(BerthEvents.create("io.berth.logging.config.rejected", source(), c.id(),
        new LogConfigRejected(c.id(), ctx.node(), cfg.driver() == null ? "" : cfg.driver(), message)));
  }

  private Future<Void> announce(ContainerCreated c, EffectiveLogConfig cfg, ContainerLogs opened, boolean fresh) {
    Future<Void> remembered = fresh
        ? state.put(c.id(), new CollectedContainer(c.id(), ctx.node(), c, false)) : Future.succeededFuture();
    return remembered.compose(v -> ctx.events().publish(BerthEvents.create("io.berth.logging.attached", source(),
        c.id(), new LoggingAttached(c.id(), ctx.node(), opened.stdoutPath().toString(),
            opened.stderrPath() == null ? null : opened.stderrPath().toString(), cfg.driver()))));
  }

  private Future<Void> started(ContainerStarted s) {
    if (!local(s.node())) return Future.succeededFuture();
    return registry.get(s.id()).map(logs -> {
      logs.startCollecting();
      return remember(logs, false);
    }).orElse(Future.succeededFuture());
  }

  private Future<Void> stopped(ContainerStopped s) {
    if (!local(s.node())) return Future.succeededFuture();
    return drain(s.id(), true);
  }

  private Future<Void> drain(String id, boolean remember) {
    return registry.get(id)
        .map(logs -> ctx.hostOps().run("logging drain " + logs.info().shortId(), () -> {
          logs.stopped();
          return null;
        }).compose(v -> remember ? remember(logs, true) : Future.<Void>succeededFuture()))
        .orElse(Future.succeededFuture());
  }

  private Future<Void> remember(ContainerLogs logs, boolean stopped) {
    return state.get(logs.info().id()).compose(c -> c == null ? Future.succeededFuture()
        : state.put(c.id(), new CollectedContainer(c.id(), c.node(), c.created(), stopped)));
  }

  private Future<Void> removed(ContainerRemoved r) {
    if (!local(r.node())) return Future.succeededFuture();
    return registry.remove(r.id())
        .map(logs -> ctx.hostOps().run("logging detach " + logs.info().shortId(), () -> {
          logs.close();
          drops.forget(r.id());
          return null;
        }).<Void>mapEmpty())
        .orElse(Future.succeededFuture())
        .compose(v -> state.remove(r.id()));
  }

  private String source() {
    return "urn:berth:node:" + ctx.node() + ":logging";
  }
}
