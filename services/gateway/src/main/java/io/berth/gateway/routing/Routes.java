package io.berth.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns which Docker API path (DESIGN §4): the gateway forwards a request to that service on its own
 * node. Paths nobody owns are Docker's 404 "page not found".
 */
public final class Routes {
  private record Route(Pattern path, String service) {}

  private static final List<Route> TABLE = List.of(
      new Route(Pattern.compile("^/volumes(/.*)?$"), "volume"),
      new Route(Pattern.compile("^/system/df$"), "volume"),
      new Route(Pattern.compile("^/networks(/.*)?$"), "network"),
      new Route(Pattern.compile("^/containers/[^/]+/logs$"), "logging"),
      new Route(Pattern.compile("^/services(/.*)?$"), "ingress"),
      new Route(Pattern.compile("^/tasks(/.*)?$"), "ingress"),
      new Route(Pattern.compile("^/nodes(/.*)?$"), "ingress"));

  private Routes() {}

  /** The service that owns {@code path} (already stripped of its {@code /v1.NN} prefix). */
  public static Optional<String> owner(String path) {
    for (Route r : TABLE) {
      if (r.path.matcher(path).matches()) return Optional.of(r.service);
    }
    return Optional.empty();
  }
}
