package io.berth.events.container;

import io.berth.events.Defaults;
import java.util.Map;

/**
 * The container's log driver ({@code --log-driver}, {@code --log-opt}); Docker's {@code HostConfig.LogConfig}.
 *
 * @param type   the driver name; {@code ""} = the node's {@code log-driver}
 * @param config the driver's options, values as strings
 */
public record LogConfig(String type, Map<String, String> config) {

  /** The node's default driver with no options. */
  public static final LogConfig NODE_DEFAULT = new LogConfig("", Map.of());

  public LogConfig {
    type = Defaults.or(type, "");
    config = Defaults.map(config);
  }
}
