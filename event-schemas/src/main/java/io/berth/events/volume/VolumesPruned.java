package io.berth.events.volume;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.volume.pruned}: unused volumes were removed ({@code docker volume prune}).
 *
 * @param node           the node
 * @param names          the removed volumes
 * @param spaceReclaimed bytes freed
 */
public record VolumesPruned(String node, List<String> names, long spaceReclaimed) implements NodeScoped {

  public VolumesPruned {
    names = Defaults.list(names);
  }
}
