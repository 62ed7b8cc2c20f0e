package io.berth.events.volume;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.Map;

/**
 * {@code io.berth.volume.created}: a volume exists on {@code node} ({@code docker volume create}, or created
 * for a mount).
 *
 * @param name       the volume name (random 64-hex for an anonymous volume)
 * @param driver     the volume driver, e.g. {@code local}
 * @param node       the node that holds it
 * @param mountpoint its host path, e.g. {@code <data-root>/volumes/<name>/_data}
 * @param createdAt  RFC 3339 time of creation
 * @param labels     volume labels
 * @param options    the driver options it was created with
 * @param anonymous  created without a name (removed by {@code --rm} and a plain {@code volume prune})
 */
public record VolumeCreated(String name, String driver, String node, String mountpoint, String createdAt,
                            Map<String, String> labels, Map<String, String> options, boolean anonymous) implements NodeScoped {

  public VolumeCreated {
    labels = Defaults.map(labels);
    options = Defaults.map(options);
  }
}
