package io.berth.logging.container;

import io.berth.logging.collect.ContainerLogs;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.driver.DropListener;
import io.berth.logging.driver.LogDrivers;
import io.berth.logging.driver.LogTarget;
import io.berth.logging.host.Fifos;
import java.io.IOException;
import java.nio.file.Path;

/** The node's own {@link CollectionHost}: real FIFOs, the driver table, one collector thread per stream. */
public final class NodeCollectionHost implements CollectionHost {
  private final LogDrivers drivers;

  public NodeCollectionHost(LogDrivers drivers) {
    this.drivers = drivers;
  }

  @Override
  public StdioSources fifos(Path dir, boolean tty) throws IOException {
    Path stdout = Fifos.ensure(dir.resolve("stdout.fifo"));
    Path stderr = tty ? null : Fifos.ensure(dir.resolve("stderr.fifo"));
    return new StdioSources(stdout, stderr);
  }

  @Override
  public ContainerLogs open(ContainerInfo info, EffectiveLogConfig cfg, Path dir, StdioSources stdio,
      DropListener drops) throws IOException {
    // file drivers wake `docker logs --follow` after each flush; the logs they wake exist only once the driver is open
    ContainerLogs[] opened = new ContainerLogs[1];
    LogTarget target = drivers.open(info, cfg, dir, drops, () -> {
      if (opened[0] != null) opened[0].notifyReaders();
    });
    opened[0] = new ContainerLogs(info, cfg, target, stdio.stdout(), stdio.stderr());
    return opened[0];
  }

  @Override
  public void collect(ContainerLogs logs) {
    logs.startCollecting();
  }

  @Override
  public void drain(ContainerLogs logs) {
    logs.stopped();
  }

  @Override
  public void close(ContainerLogs logs) throws IOException {
    logs.close();
  }
}
