package io.berth.network.domain;

import io.berth.kit.errors.BerthException;
import io.berth.kit.http.DockerFilters;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Docker's {@code filters} for {@code GET /networks} (driver, id, label, name, scope, type, dangling) and
 * {@code POST /networks/prune} (until, label, label!), as predicates over networks. Parsing and Docker's generic
 * messages are the kit's {@link DockerFilters}.
 */
public final class NetworkFilters {
  private static final Set<String> LIST_KEYS = Set.of("driver", "id", "label", "name", "scope", "type", "dangling");
  private static final Set<String> PRUNE_KEYS = Set.of("until", "label", "label!");

  private final DockerFilters filters;

  private NetworkFilters(DockerFilters filters) {
    this.filters = filters;
  }

  public static NetworkFilters parse(String json) {
    return new NetworkFilters(DockerFilters.parse(json));
  }

  /**
   * The list predicate; {@code inUse} tells whether a network has endpoints (for {@code dangling}).
   */
  public Predicate<Network> forList(Predicate<Network> inUse) {
    filters.allow(LIST_KEYS);
    Predicate<Network> p = n -> true;
    p = p.and(any("driver", (n, v) -> n.driver().equals(v)));
    p = p.and(any("id", (n, v) -> n.id().startsWith(v)));
    p = p.and(any("name", (n, v) -> n.name().contains(v)));
    p = p.and(any("scope", (n, v) -> n.scope().equals(v)));
    p = p.and(any("type", (n, v) -> {
      if (!v.equals("custom") && !v.equals("builtin")) {
        throw BerthException.invalid("invalid filter: 'type'='%s'", v);
      }
      return v.equals("builtin") == n.predefined();
    }));
    p = p.and(n -> filters.matchesAllLabels("label", n.labels()));
    for (boolean want : filters.bools("dangling")) {
      p = p.and(n -> (!n.predefined() && !inUse.test(n)) == want);
    }
    return p;
  }

  /** The prune selection: user-defined networks matching until/label/label!. */
  public Predicate<Network> forPrune(Instant now) {
    filters.allow(PRUNE_KEYS);
    Predicate<Network> p = n -> !n.predefined();
    for (Instant limit : filters.instants("until", now)) {
      p = p.and(n -> Instant.parse(n.created()).isBefore(limit));
    }
    return p.and(n -> filters.matchesAllLabels("label", n.labels()))
        .and(n -> filters.matchesNoLabels("label!", n.labels()));
  }

  private Predicate<Network> any(String key, BiPredicate<Network, String> test) {
    List<String> vs = filters.get(key);
    if (vs.isEmpty()) {
      return n -> true;
    }
    return n -> vs.stream().anyMatch(v -> test.test(n, v));
  }
}
