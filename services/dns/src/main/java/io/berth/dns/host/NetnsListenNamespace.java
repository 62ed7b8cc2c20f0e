package io.berth.dns.host;

import io.berth.dns.server.ListenNamespace;
import io.berth.host.NetnsHandle;
import java.util.concurrent.Callable;

/** A {@link ListenNamespace} backed by host-native's {@link NetnsHandle}: sockets are created on its netns thread. */
public final class NetnsListenNamespace implements ListenNamespace {
  private final NetnsHandle handle;

  public NetnsListenNamespace(NetnsHandle handle) {
    this.handle = handle;
  }

  @Override
  public <T> T call(Callable<T> task) {
    return handle.call(task);
  }

  @Override
  public String name() {
    return handle.name();
  }
}
