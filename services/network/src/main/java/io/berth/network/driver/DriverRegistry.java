package io.berth.network.driver;

import io.berth.kit.errors.BerthException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The drivers this node has, by name (like libnetwork's {@code drivers_linux.go} table). */
public final class DriverRegistry {
  private final Map<String, NetworkDriver> drivers = new LinkedHashMap<>();

  public DriverRegistry register(NetworkDriver driver) {
    drivers.put(driver.name(), driver);
    return this;
  }

  /** The driver, if this node has it. */
  public Optional<NetworkDriver> find(String name) {
    return Optional.ofNullable(drivers.get(name));
  }

  /** The driver, or Docker's 404 {@code plugin "X" not found}. */
  public NetworkDriver get(String name) {
    NetworkDriver d = drivers.get(name);
    if (d == null) {
      throw BerthException.notFound("plugin \"%s\" not found", name);
    }
    return d;
  }
}
