package io.berth.logging.container;

import io.berth.kit.errors.BerthException;
import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.LogTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link CollectionHost} that touches nothing: records what the controller asked of the node. */
final class MemoryCollectionHost implements CollectionHost {
  final List<Path> fifoDirs = new CopyOnWriteArrayList<>();
  final List<String> opened = new CopyOnWriteArrayList<>();
  final List<String> collecting = new CopyOnWriteArrayList<>();
  final List<String> drained = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  /** Drivers that refuse to open, as dockerd's constructor checks do (the splunk connection check). */
  final Set<String> refusing = ConcurrentHashMap.newKeySet();

  @Override
  public StdioSources fifos(Path dir, boolean tty) {
    fifoDirs.add(dir);
    return new StdioSources(dir.resolve("stdout.fifo"), tty ? null : dir.resolve("stderr.fifo"));
  }

  @Override
  public ContainerLogs open(ContainerInfo info, EffectiveLogConfig cfg, Path dir, StdioSources stdio,
      DropListener drops) {
    if (refusing.contains(cfg.driver())) {
      throw new BerthException.InvalidRequest(cfg.driver() + ": failed to verify connection - 503 - down");
    }
    opened.add(info.id());
    LogDriver driver = new LogDriver() {
      @Override public String name() { return cfg.driver(); }
      @Override public void log(LogMessage m) {}
      @Override public void close() {}
    };
    return new ContainerLogs(info, cfg, new LogTarget(driver, null, null), stdio.stdout(), stdio.stderr());
  }

  @Override
  public void collect(ContainerLogs logs) {
    collecting.add(logs.info().id());
  }

  @Override
  public void drain(ContainerLogs logs) {
    drained.add(logs.info().id());
    logs.stopped();
  }

  @Override
  public void close(ContainerLogs logs) throws java.io.IOException {
    closed.add(logs.info().id());
    logs.close();
  }
}
