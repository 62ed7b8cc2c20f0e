package io.berth.tests;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A small, real volume plugin speaking Docker's plugin protocol on a unix socket: each volume is a folder under
 * {@code root}; it counts mounts per caller id as the protocol asks and records every call it gets.
 */
final class S100FolderPlugin implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
  private final Path root;
  private final Path socket;
  private final Map<String, Set<String>> mountedBy = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  private HttpServer server;

  S100FolderPlugin(Path root, Path socket) {
    this.root = root;
    this.socket = socket;
  }

  S100FolderPlugin start() throws Exception {
    Files.createDirectories(root);
    Files.createDirectories(socket.getParent());
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create());
    r.post("/Plugin.Activate").handler(rc -> reply(rc, new JsonObject().put("Implements", new JsonArray().add("VolumeDriver"))));
    r.post("/VolumeDriver.Capabilities").handler(rc -> reply(rc,
        new JsonObject().put("Capabilities", new JsonObject().put("Scope", "local"))));
    r.post("/VolumeDriver.Create").handler(rc -> {
      JsonObject opts = body(rc).getJsonObject("Opts", new JsonObject());
      if (opts.containsKey("fail")) {
        reply(rc, new JsonObject().put("Err", "folder driver refuses: " + opts.getString("fail")));
        return;
      }
      io(rc, () -> Files.createDirectories(dir(rc)));
    });
    r.post("/VolumeDriver.Remove").handler(rc -> io(rc, () -> deleteTree(dir(rc))));
    r.post("/VolumeDriver.Mount").handler(rc -> {
      mountedBy.computeIfAbsent(name(rc), n -> ConcurrentHashMap.newKeySet()).add(body(rc).getString("ID"));
      reply(rc, new JsonObject().put("Mountpoint", dir(rc).toString()).put("Err", ""));
    });
    r.post("/VolumeDriver.Unmount").handler(rc -> {
      mountedBy.getOrDefault(name(rc), Set.of()).remove(body(rc).getString("ID"));
      reply(rc, new JsonObject().put("Err", ""));
    });
    r.post("/VolumeDriver.Path").handler(rc -> reply(rc, new JsonObject().put("Mountpoint",
        mounted(name(rc)) ? dir(rc).toString() : "").put("Err", "")));
    r.post("/VolumeDriver.Get").handler(rc -> reply(rc, Files.isDirectory(dir(rc))
        ? new JsonObject().put("Volume", new JsonObject().put("Name", name(rc)).put("Mountpoint", dir(rc).toString())
            .put("Status", new JsonObject())).put("Err", "")
        : new JsonObject().put("Err", "no such volume")));
    r.post("/VolumeDriver.List").handler(rc -> io(rc, () -> { }));
    server = vertx.createHttpServer().requestHandler(r).listen(SocketAddress.domainSocketAddress(socket.toString())).await();
    return this;
  }

  boolean mounted(String name) {
    return !mountedBy.getOrDefault(name, Set.of()).isEmpty();
  }

  Path dir(String name) {
    return root.resolve(name);
  }

  private Path dir(RoutingContext rc) {
    return dir(name(rc));
  }

  private String name(RoutingContext rc) {
    return body(rc).getString("Name");
  }

  private JsonObject body(RoutingContext rc) {
    return rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
  }

  private void reply(RoutingContext rc, JsonObject body) {
    calls.add(rc.request().path().substring(1));
    rc.response().putHeader("Content-Type", "application/vnd.docker.plugins.v1+json").end(body.encode());
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private void io(RoutingContext rc, IoStep step) {
    try {
      step.run();
      reply(rc, new JsonObject().put("Err", ""));
    } catch (IOException e) {
      reply(rc, new JsonObject().put("Err", e.toString()));
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }

  @Override
  public void close() throws Exception {
    if (server != null) server.close().await();
    vertx.close().await();
    Files.deleteIfExists(socket);
  }
}
