package io.berth.volume.driver;

import io.berth.kit.errors.BerthException;
import io.berth.volume.domain.Volume;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds volume drivers by name: {@code local}, else a plugin discovered as Docker discovers legacy plugins — a socket
 * {@code <dir>/<name>.sock} (or {@code <dir>/<name>/<name>.sock}), or a spec file {@code <name>.spec} (one URL) or
 * {@code <name>.json} ({@code {"Addr": URL}}) — and activated with {@code /Plugin.Activate}.
 */
public final class DriverRegistry {
  /** Docker's standard plugin directories, searched after berth's own. */
  public static final List<Path> STANDARD_DIRS =
      List.of(Path.of("/run/docker/plugins"), Path.of("/etc/docker/plugins"), Path.of("/usr/lib/docker/plugins"));

  private final LocalDriver local;
  private final List<Path> dirs;
  private final HttpClient http;
  private final Map<String, PluginDriver> plugins = new ConcurrentHashMap<>();

  /** @param dirs plugin directories in search order */
  public DriverRegistry(Vertx vertx, LocalDriver local, List<Path> dirs) {
    this.local = local;
    this.dirs = List.copyOf(dirs);
    this.http = vertx.createHttpClient();
  }

  public LocalDriver local() {
    return local;
  }

  /** The driver called {@code name}, activating a plugin on first use; 404 with Docker's text when there is none. */
  public Future<VolumeDriver> get(String name) {
    if (name == null || name.isEmpty() || Volume.LOCAL.equals(name)) {
      return Future.succeededFuture(local);
    }
    PluginDriver known = plugins.get(name);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    Optional<SocketAddress> address = discover(name);
    if (address.isEmpty()) {
      return Future.failedFuture(BerthException.notFound(
          "error looking up volume plugin %s: plugin \"%s\" not found", name, name));
    }
    PluginClient client = new PluginClient(http, address.get());
    return client.call("Plugin.Activate", new JsonObject())
        .compose(reply -> {
          JsonArray implementing = reply.getJsonArray("Implements", new JsonArray());
          if (!implementing.contains("VolumeDriver")) {
            return Future.failedFuture(BerthException.notFound(
                "error looking up volume plugin %s: plugin %q found, but not with VolumeDriver capability".replace("%q", "\"%s\""),
                name, name));
          }
          return client.call("VolumeDriver.Capabilities", new JsonObject())
              .map(c -> c.getJsonObject("Capabilities", new JsonObject()).getString("Scope", "local"))
              .otherwise("local");
        })
        .map(scope -> {
          PluginDriver driver = new PluginDriver(name, client, "global".equals(scope) ? "global" : "local");
          plugins.put(name, driver);
          return (VolumeDriver) driver;
        });
  }

  /** Forgets an activated plugin (its socket went away); the next {@link #get} discovers it again. */
  public void forget(String name) {
    plugins.remove(name);
  }

  Optional<SocketAddress> discover(String name) {
    for (Path dir : dirs) {
      for (Path sock : List.of(dir.resolve(name + ".sock"), dir.resolve(name).resolve(name + ".sock"))) {
        if (Files.exists(sock)) {
          return Optional.of(SocketAddress.domainSocketAddress(sock.toString()));
        }
      }
      Path spec = dir.resolve(name + ".spec");
      Path json = dir.resolve(name + ".json");
      try {
        if (Files.isRegularFile(spec)) {
          return Optional.of(address(Files.readString(spec).strip()));
        }
        if (Files.isRegularFile(json)) {
          return Optional.of(address(new JsonObject(Files.readString(json)).getString("Addr", "")));
        }
      } catch (IOException | RuntimeException e) {
        throw BerthException.invalid("error looking up volume plugin %s: bad spec file in %s: %s", name, dir, e.getMessage());
      }
    }
    return Optional.empty();
  }

  static SocketAddress address(String url) {
    URI uri = URI.create(url);
    return switch (uri.getScheme()) {
      case "unix" -> SocketAddress.domainSocketAddress(uri.getPath());
      case "tcp", "http" -> SocketAddress.inetSocketAddress(uri.getPort(), uri.getHost());
      default -> throw new IllegalArgumentException("unsupported plugin address " + url);
    };
  }
}
