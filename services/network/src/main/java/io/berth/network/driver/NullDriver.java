package io.berth.network.driver;

/**
 * The {@code null} driver: the one predefined {@code none} network, whose containers have a namespace with only
 * {@code lo}. Its endpoints get no interface and nothing is programmed.
 */
public final class NullDriver extends InterfacelessDriver {
  @Override
  public String name() {
    return "null";
  }
}
