package io.berth.volume.domain;

import java.util.Map;

/**
 * What {@code docker volume create} asks for.
 *
 * @param name    the name; null or empty = anonymous (random 64-hex name and the anonymous label)
 * @param driver  the driver; null or empty = unspecified: an existing volume of any driver, else {@code local}
 * @param options driver options
 * @param labels  labels
 */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {
  public VolumeSpec {
    driver = driver == null || driver.isEmpty() ? null : driver;
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The driver to create with: the one asked for, else {@code local}. */
  public String driverOrLocal() {
    return driver == null ? Volume.LOCAL : driver;
  }

  public boolean anonymous() {
    return name == null || name.isEmpty();
  }
}
