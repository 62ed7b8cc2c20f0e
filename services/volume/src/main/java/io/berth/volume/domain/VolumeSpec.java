package io.berth.volume.domain;

import java.util.Map;

/**
 * What {@code docker volume create} asks for.
 *
 * @param name    the name; null or empty = anonymous (random 64-hex name and the anonymous label)
 * @param driver  the driver; null or empty = {@code local}
 * @param options driver options
 * @param labels  labels
 */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {
  public VolumeSpec {
    driver = driver == null || driver.isEmpty() ? Volume.LOCAL : driver;
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public boolean anonymous() {
    return name == null || name.isEmpty();
  }
}
