package io.berth.volume.domain;

import io.berth.kit.http.DockerFilters;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What {@code docker volume ls} and {@code docker volume prune} select, from their filters. Pure. */
public final class VolumeQuery {
  private static final Set<String> LIST_KEYS = Set.of("dangling", "driver", "label", "name");
  private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

  private VolumeQuery() {}

  /**
   * {@code GET /volumes}: {@code dangling} (unused or used), {@code driver} (exact; any of several), {@code label}
   * (all), {@code name} (substring; any of several).
   */
  public static Predicate<Volume> list(DockerFilters filters) {
    filters.allow(LIST_KEYS);
    Boolean dangling = filters.bool("dangling");
    List<String> drivers = filters.get("driver");
    List<String> labels = filters.get("label");
    List<String> names = filters.get("name");
    return v -> (dangling == null || dangling != v.inUse())
        && (drivers.isEmpty() || drivers.contains(v.driver()))
        && LabelFilter.matchesAll(v.labels(), labels)
        && (names.isEmpty() || names.stream().anyMatch(n -> v.name().contains(n)));
  }

  /**
   * {@code POST /volumes/prune}: unused volumes only; anonymous ones only unless {@code all=true}; {@code label} and
   * {@code label!} as Docker's prune filters. Only {@code local} volumes are pruned by Docker's daemon; berth prunes
   * plugin volumes too when selected, since their driver is asked to remove them.
   */
  public static Predicate<Volume> prune(DockerFilters filters) {
    filters.allow(PRUNE_KEYS);
    Boolean all = filters.bool("all");
    List<String> labels = filters.get("label");
    List<String> notLabels = filters.get("label!");
    return v -> !v.inUse()
        && (Boolean.TRUE.equals(all) || v.anonymous())
        && LabelFilter.matchesAll(v.labels(), labels)
        && LabelFilter.matchesNone(v.labels(), notLabels);
  }
}
