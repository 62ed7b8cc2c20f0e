package io.berth.volume;

import io.berth.events.Topics;
import io.berth.kit.node.ServiceContext;
import io.berth.kit.node.ServiceModule;
import io.berth.volume.api.VolumeApiVerticle;
import io.berth.volume.domain.Volume;
import io.berth.volume.driver.DriverRegistry;
import io.berth.volume.driver.LocalDriver;
import io.berth.volume.events.ContainerEventsConsumer;
import io.berth.volume.events.VolumeEventsPublisher;
import io.berth.volume.events.VolumeEventsVerticle;
import io.berth.volume.host.LinuxVolumeHost;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume service: Docker's volume API, the {@code local} driver and volume plugins, mounts for containers driven by
 * container events, and the durable state of this node's volumes. Start order: rebuild the state, reconcile the disk,
 * deploy {@link VolumeApiVerticle} (serve), then {@link VolumeEventsVerticle} (consume container events).
 */
public final class VolumeService implements ServiceModule {
  /** The Hazelcast map of volumes, key {@code <node>/<name>}. */
  public static final String MAP = "berth.volume.volumes";
  /** The Hazelcast map where a volume is claimed while it changes, key {@code <node>/<name>}. */
  public static final String LOCKS = "berth.volume.locks";

  private ServiceContext ctx;
  private VolumeController controller;
  private Reconciler.Report lastReconcile;
  private final List<String> deployments = new ArrayList<>();

  @Override
  public String name() {
    return "volume";
  }

  @Override
  public Future<Void> start(ServiceContext ctx) {
    this.ctx = ctx;
    Path root = ctx.config().dataRoot().resolve("volumes");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    var store = ctx.stateStore(Topics.VOLUME_STATE, MAP, Volume.class);
    LocalDriver local = new LocalDriver(root, ctx.hostOps(), new LinuxVolumeHost());
    List<Path> pluginDirs = new ArrayList<>();
    pluginDirs.add(ctx.config().dataRoot().resolve("plugins"));
    pluginDirs.addAll(DriverRegistry.STANDARD_DIRS);
    DriverRegistry drivers = new DriverRegistry(ctx.vertx(), local, pluginDirs);
    VolumeEventsPublisher events = new VolumeEventsPublisher(ctx.events(), ctx.node());
    controller = new VolumeController(ctx.vertx(), ctx.node(), store, drivers, events,
        new HazelcastVolumeClaims(ctx.vertx(), ctx.hazelcast().getMap(LOCKS)));
    ContainerEventsConsumer consumer =
        new ContainerEventsConsumer(ctx.node(), new ContainerMounts(controller, events), events);
    return store.rebuild()
        .compose(n -> new Reconciler(controller, local).run())
        .compose(report -> {
          lastReconcile = report;
          return deploy(new VolumeApiVerticle(ctx, name(), controller));
        })
        .compose(api -> deploy(new VolumeEventsVerticle(ctx.events(), ctx.node(), consumer)));
  }

  private Future<Void> deploy(Deployable verticle) {
    return ctx.vertx().deployVerticle(verticle).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  /** The running controller (for in-process callers and tests). */
  public VolumeController controller() {
    return controller;
  }

  /** What the start-up reconciliation found. */
  public Reconciler.Report lastReconcile() {
    return lastReconcile;
  }

  /** Undeploys the events verticle first (no container event arrives while the API goes), then the API. */
  @Override
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(x -> ctx.vertx().undeploy(id).otherwiseEmpty());
    }
    return chain.onComplete(x -> deployments.clear());
  }
}
