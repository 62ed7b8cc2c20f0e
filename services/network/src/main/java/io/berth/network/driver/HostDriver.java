package io.berth.network.driver;

/**
 * The {@code host} driver: the one predefined {@code host} network, whose containers share the node's namespace.
 * Its endpoints get no interface and nothing is programmed.
 */
public final class HostDriver extends InterfacelessDriver {
  @Override
  public String name() {
    return "host";
  }
}
