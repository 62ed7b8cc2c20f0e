package io.berth.volume;

import io.berth.kit.errors.BerthException;
import io.berth.kit.state.StateStore;
import io.berth.volume.domain.PruneReport;
import io.berth.volume.domain.Volume;
import io.berth.volume.domain.VolumeName;
import io.berth.volume.domain.VolumeSpec;
import io.berth.volume.driver.DriverRegistry;
import io.berth.volume.driver.VolumeDriver;
import io.berth.volume.events.VolumeEventsPublisher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The volumes of this node: create, inspect, list, remove, prune, and use by containers. Every change of one volume
 * runs under the lock of its key ({@link VolumeLocks}: queued in-process, claimed in Hazelcast), so two creates of one
 * name make one volume and a create racing a remove leaves either both the record and the folder or neither.
 * The state store is written before a change is acknowledged; events follow without holding up the reply (the
 * shared producer keeps their order, and a lost event is no less lost for having been awaited).
 */
public final class VolumeController {
  private static final int PRUNE_PARALLELISM = 32;

  private final String node;
  private final StateStore<Volume> store;
  private final DriverRegistry drivers;
  private final VolumeEventsPublisher events;
  private final VolumeLocks locks;

  /** @param claims where volume services claim a volume while changing it */
  public VolumeController(Vertx vertx, String node, StateStore<Volume> store, DriverRegistry drivers, VolumeEventsPublisher events,
                          VolumeClaims claims) {
    this.node = node;
    this.store = store;
    this.drivers = drivers;
    this.events = events;
    this.locks = new VolumeLocks(vertx, claims);
  }

  public String node() {
    return node;
  }

  /**
   * {@code docker volume create}: validates the name and the driver's options first (nothing is made on bad input),
   * returns the existing volume for the same name and driver, 409 for the same name with another driver.
   */
  public Future<Volume> create(VolumeSpec spec) {
    return create(spec, null);
  }

  /** As {@link #create(VolumeSpec)}, remembering the container a volume is made for (mounts that create it). */
  public Future<Volume> create(VolumeSpec spec, String forContainer) {
    String name;
    Map<String, String> labels = spec.labels();
    if (spec.anonymous()) {
      name = VolumeName.random();
      Map<String, String> l = new HashMap<>(labels);
      l.put(Volume.ANONYMOUS_LABEL, "");
      labels = l;
    } else {
      name = VolumeName.validate(spec.name());
    }
    return createNamed(name, spec, labels, forContainer);
  }

  /** Creates the anonymous volume of {@code containerId} at {@code target} (same name when an event is replayed). */
  public Future<Volume> createAnonymous(String containerId, String target, String driver) {
    Map<String, String> labels = Map.of(Volume.ANONYMOUS_LABEL, "");
    return createNamed(VolumeName.anonymousFor(containerId, target), new VolumeSpec(null, driver, Map.of(), labels),
        labels, containerId);
  }

  /**
   * What {@link #create} checks before it takes the lock: the driver exists (a plugin is activated) and accepts
   * {@code options}; fails with Docker's {@code create NAME: ...}.
   */
  public Future<VolumeDriver> checkCreate(String name, String driver, Map<String, String> options) {
    VolumeSpec spec = new VolumeSpec(name, driver, options, Map.of());
    return drivers.get(spec.driverOrLocal()).recover(e -> Future.failedFuture(prefixed(name, e))).compose(d -> {
      try {
        d.validate(spec.options());
      } catch (BerthException e) {
        return Future.failedFuture(prefixed(name, e));
      }
      return Future.succeededFuture(d);
    });
  }

  private Future<Volume> createNamed(String name, VolumeSpec spec, Map<String, String> labels, String forContainer) {
    return checkCreate(name, spec.driver(), spec.options()).compose(driver -> {
      String key = Volume.key(node, name);
      return locked(key, () -> store.get(key).compose(existing -> {
        if (existing != null) {
          if (spec.driver() != null && !existing.driver().equals(driver.name())) {
            return Future.failedFuture(BerthException.conflict(
                "create %s: driver '%s' already has volume '%s': volume name must be unique", name, existing.driver(), name));
          }
          return Future.succeededFuture(existing);
        }
        return driver.create(name, spec.options()).recover(e -> Future.failedFuture(prefixed(name, e))).compose(path -> {
          Volume v = new Volume(name, driver.name(), node, path, now(), labels, spec.options(), Map.of(), forContainer);
          return store.put(key, v)
              .recover(e -> driver.remove(name, spec.options()).transform(x -> Future.failedFuture(e)))
              .onSuccess(ok -> events.created(v))
              .map(v);
        });
      }));
    });
  }

  /** {@code docker volume inspect}: 404 {@code get NAME: no such volume}. */
  public Future<Volume> get(String name) {
    return store.get(Volume.key(node, name)).compose(v -> v != null ? Future.succeededFuture(v)
        : Future.failedFuture(BerthException.notFound("get %s: no such volume", name)));
  }

  /**
   * This node's volumes that {@code filter} selects, by name. Read from the cluster map each time rather than from an
   * index of this process: two volume services of one node share the container events' consumer group, so either may
   * have written a volume the other lists (or a container the other releases).
   */
  public Future<List<Volume>> list(Predicate<Volume> filter) {
    return store.values().map(all -> all.stream()
        .filter(v -> node.equals(v.node()))
        .filter(filter)
        .sorted(java.util.Comparator.comparing(Volume::name))
        .toList());
  }

  /**
   * {@code docker volume rm [-f]}: 409 while a container uses it (force does not override that, as in Docker); an
   * unknown volume is 404, or nothing with {@code force}.
   */
  public Future<Void> remove(String name, boolean force) {
    String key = Volume.key(node, name);
    return locked(key, () -> store.get(key).compose(v -> {
      if (v == null) {
        return force ? Future.succeededFuture()
            : Future.failedFuture(BerthException.notFound("get %s: no such volume", name));
      }
      if (v.inUse()) {
        return Future.failedFuture(BerthException.conflict("remove %s: volume is in use - [%s]", name,
            String.join(", ", v.users().keySet())));
      }
      return destroy(v).mapEmpty();
    }));
  }

  /** Removes an unused volume's data, then its record; completes with the bytes it held. Caller holds the lock. */
  private Future<Long> destroy(Volume v) {
    return drivers.get(v.driver()).compose(driver -> driver.size(v.name())
        .otherwise(0L)
        .compose(size -> driver.remove(v.name(), v.options())
            .compose(ok -> store.remove(v.key()))
            .onSuccess(ok -> events.removed(v))
            .map(Math.max(size, 0L))));
  }

  /**
   * {@code docker volume prune}: removes what {@code selector} picks among unused volumes, rechecked under lock, up to
   * {@value #PRUNE_PARALLELISM} at a time (each removal is a folder walk on a worker thread).
   */
  public Future<PruneReport> prune(Predicate<Volume> selector) {
    return list(selector).compose(candidates -> {
      // every callback runs on the caller's context (VolumeLocks hands the work back to it)
      List<String> deleted = new ArrayList<>();
      AtomicLong reclaimed = new AtomicLong();
      return eachBounded(candidates, PRUNE_PARALLELISM, candidate -> locked(candidate.key(), () -> store.get(candidate.key())
          .compose(v -> {
            if (v == null || !selector.test(v)) {
              return Future.succeededFuture(); // used or removed since it was listed
            }
            return destroy(v).map(size -> {
              deleted.add(v.name());
              reclaimed.addAndGet(size);
              return null;
            });
          }))).compose(x -> {
            List<String> names = new ArrayList<>(deleted);
            names.sort(null);
            if (!names.isEmpty()) {
              events.pruned(names, reclaimed.get());
            }
            return Future.succeededFuture(new PruneReport(names, reclaimed.get()));
          });
    });
  }

  /**
   * Runs {@code work} on each of {@code items}, at most {@code parallelism} at a time; fails with the first failure
   * (the worker that met it stops, the others finish what they took).
   */
  static <T> Future<Void> eachBounded(List<T> items, int parallelism, Function<T, Future<?>> work) {
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> workers = new ArrayList<>();
    for (int i = 0; i < Math.min(parallelism, items.size()); i++) {
      workers.add(takeNext(items, next, work));
    }
    return Future.all(workers).mapEmpty();
  }

  private static <T> Future<Void> takeNext(List<T> items, AtomicInteger next, Function<T, Future<?>> work) {
    int i = next.getAndIncrement();
    if (i >= items.size()) {
      return Future.succeededFuture();
    }
    Future<?> one;
    try {
      one = work.apply(items.get(i));
    } catch (RuntimeException e) {
      one = Future.failedFuture(e);
    }
    return one.compose(x -> takeNext(items, next, work));
  }

  /**
   * A container starts using {@code name} at {@code target}: the driver mounts it when it is the first user, the
   * RefCount goes up. Idempotent: a container already counted is not counted twice. Completes with the volume and the
   * host path to bind.
   */
  public Future<Use> use(String name, String containerId, String target) {
    String key = Volume.key(node, name);
    return locked(key, () -> store.get(key).compose(v -> {
      if (v == null) {
        return Future.failedFuture(BerthException.notFound("get %s: no such volume", name));
      }
      if (v.users().containsKey(containerId)) {
        return Future.succeededFuture(new Use(v, v.mountpoint(), false));
      }
      return drivers.get(v.driver()).compose(driver -> driver.mount(name, v.options(), containerId, !v.inUse())
          .compose(path -> {
            Volume used = v.withUser(containerId, target);
            String hostPath = path == null || path.isEmpty() ? v.mountpoint() : path;
            Volume saved = hostPath.equals(v.mountpoint()) ? used : used.withMountpoint(hostPath);
            return store.put(key, saved)
                .recover(e -> driver.unmount(name, v.options(), containerId, !v.inUse()).transform(x -> Future.failedFuture(e)))
                .map(new Use(saved, hostPath, true));
          }));
    }));
  }

  /**
   * A container stops using {@code name}: the RefCount goes down and the driver unmounts it when it was the last user.
   * Completes with the volume after the change, or null when the container was not using it.
   */
  public Future<Use> release(String name, String containerId) {
    String key = Volume.key(node, name);
    return locked(key, () -> store.get(key).compose(v -> {
      if (v == null || !v.users().containsKey(containerId)) {
        return Future.succeededFuture(null);
      }
      Volume released = v.withoutUser(containerId);
      return drivers.get(v.driver())
          .compose(driver -> driver.unmount(name, v.options(), containerId, !released.inUse()))
          .compose(ok -> store.put(key, released))
          .map(new Use(released, v.mountpoint(), true, v.users().get(containerId)));
    }));
  }

  /** Removes an anonymous volume left unused by its container ({@code --rm}, {@code docker rm -v}). */
  public Future<Boolean> removeIfUnusedAnonymous(String name) {
    String key = Volume.key(node, name);
    return locked(key, () -> store.get(key).compose(v -> v == null || v.inUse() || !v.anonymous()
        ? Future.succeededFuture(false)
        : destroy(v).map(true)));
  }

  /** The volumes {@code containerId} uses on this node. */
  public Future<List<Volume>> usedBy(String containerId) {
    return list(v -> v.users().containsKey(containerId));
  }

  /** {@code Scope} of {@code v} as its driver reports it; {@code local} when the driver cannot be reached. */
  public Future<String> scope(Volume v) {
    return drivers.get(v.driver()).map(VolumeDriver::scope).otherwise(Volume.LOCAL);
  }

  /** Bytes of data in {@code v}, -1 when its driver cannot tell. */
  public Future<Long> size(Volume v) {
    return drivers.get(v.driver()).compose(d -> d.size(v.name())).otherwise(-1L);
  }

  /** Runs {@code work} holding the lock of {@code key} ({@link VolumeLocks}). */
  <T> Future<T> locked(String key, Supplier<Future<T>> work) {
    return locks.withLock(key, work);
  }

  /** Docker reports a failed create as {@code create NAME: <reason>}. */
  private static Throwable prefixed(String name, Throwable e) {
    String m = "create " + name + ": " + e.getMessage();
    if (e instanceof BerthException.InvalidRequest) return new BerthException.InvalidRequest(m, e);
    if (e instanceof BerthException.NotFound) return new BerthException.NotFound(m);
    if (e instanceof BerthException.Internal) return new BerthException.Internal(m, e);
    return e;
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * A container's use of a volume.
   *
   * @param volume   the volume after the change
   * @param hostPath the host path bound into the container
   * @param changed  false when the event was a replay and nothing changed
   * @param target   where it was mounted in the container (release only)
   */
  public record Use(Volume volume, String hostPath, boolean changed, String target) {
    public Use(Volume volume, String hostPath, boolean changed) {
      this(volume, hostPath, changed, null);
    }
  }
}
