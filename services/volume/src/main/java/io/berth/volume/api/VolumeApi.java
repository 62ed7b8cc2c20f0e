package io.berth.volume.api;

import io.berth.kit.errors.BerthException;
import io.berth.kit.http.DockerFilters;
import io.berth.kit.http.ServiceHttp;
import io.berth.volume.VolumeController;
import io.berth.volume.domain.Volume;
import io.berth.volume.domain.VolumeQuery;
import io.berth.volume.domain.VolumeSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker Engine API for volumes (paths arrive without the {@code /v1.NN} prefix), plus the service's own
 * {@code /volumes/{name}/mount|unmount} for callers that are not event producers.
 */
public final class VolumeApi {
  private final VolumeController volumes;

  public VolumeApi(VolumeController volumes) {
    this.volumes = volumes;
  }

  /** Adds the routes to {@code router}. */
  public void mount(Router router) {
    router.post("/volumes/create").handler(this::create);
    router.post("/volumes/prune").handler(this::prune);
    router.get("/volumes").handler(this::list);
    router.get("/volumes/:name").handler(this::inspect);
    router.delete("/volumes/:name").handler(this::remove);
    router.post("/volumes/:name/mount").handler(this::use);
    router.post("/volumes/:name/unmount").handler(this::release);
    router.get("/system/df").handler(this::diskUsage);
  }

  private void create(RoutingContext rc) {
    JsonObject body = rc.body() == null || rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
    VolumeSpec spec = new VolumeSpec(body.getString("Name"), body.getString("Driver"),
        strings(body.getJsonObject("DriverOpts")), strings(body.getJsonObject("Labels")));
    reply(rc, 201, volumes.create(spec).compose(v -> scoped(v)));
  }

  private void list(RoutingContext rc) {
    var filter = VolumeQuery.list(DockerFilters.parse(rc.queryParams().get("filters")));
    reply(rc, 200, volumes.list(filter).compose(this::scopedAll)
        .map(vs -> new JsonObject().put("Volumes", vs).put("Warnings", null)));
  }

  private void inspect(RoutingContext rc) {
    reply(rc, 200, volumes.get(rc.pathParam("name")).compose(this::scoped));
  }

  private void remove(RoutingContext rc) {
    boolean force = truthy(rc.queryParams().get("force"));
    volumes.remove(rc.pathParam("name"), force)
        .onSuccess(x -> rc.response().setStatusCode(204).end())
        .onFailure(rc::fail);
  }

  private void prune(RoutingContext rc) {
    var selector = VolumeQuery.prune(DockerFilters.parse(rc.queryParams().get("filters")));
    reply(rc, 200, volumes.prune(selector).map(r -> new JsonObject()
        .put("VolumesDeleted", new JsonArray(r.deleted()))
        .put("SpaceReclaimed", r.spaceReclaimed())));
  }

  /** {@code POST /volumes/{name}/mount} {@code {"ContainerId","Target"}} → {@code {"Mountpoint","RefCount"}}. */
  private void use(RoutingContext rc) {
    JsonObject body = rc.body().asJsonObject();
    String id = require(body, "ContainerId");
    reply(rc, 200, volumes.use(rc.pathParam("name"), id, body.getString("Target", ""))
        .map(u -> new JsonObject().put("Mountpoint", u.hostPath()).put("RefCount", u.volume().refCount())));
  }

  /** {@code POST /volumes/{name}/unmount} {@code {"ContainerId"}} → {@code {"RefCount"}}. */
  private void release(RoutingContext rc) {
    String id = require(rc.body().asJsonObject(), "ContainerId");
    String name = rc.pathParam("name");
    reply(rc, 200, volumes.get(name).compose(v -> volumes.release(name, id))
        .compose(u -> u != null ? Future.succeededFuture(u.volume()) : volumes.get(name))
        .map(v -> new JsonObject().put("RefCount", v.refCount())));
  }

  /** {@code GET /system/df}: only the volume part is this service's; the other lists are empty. */
  private void diskUsage(RoutingContext rc) {
    List<String> types = rc.queryParams().getAll("type");
    boolean volumesWanted = types.isEmpty() || types.contains("volume");
    Future<JsonArray> usage = volumesWanted ? volumes.list(v -> true).compose(vs -> {
      List<Future<JsonObject>> each = vs.stream().map(v -> volumes.size(v).compose(size ->
          volumes.scope(v).map(scope -> VolumeJson.withUsage(v, scope, size)))).toList();
      return Future.all(each).map(all -> new JsonArray(all.<JsonObject>list()));
    }) : Future.succeededFuture(null);
    reply(rc, 200, usage.map(vs -> {
      JsonObject out = new JsonObject();
      if (types.isEmpty()) {
        out.put("LayersSize", 0).put("Images", new JsonArray()).put("Containers", new JsonArray())
            .put("BuildCache", new JsonArray());
      }
      if (vs != null) {
        out.put("Volumes", vs);
      }
      return out;
    }));
  }

  private Future<JsonObject> scoped(Volume v) {
    return volumes.scope(v).map(scope -> VolumeJson.volume(v, scope));
  }

  private Future<JsonArray> scopedAll(List<Volume> vs) {
    return Future.all(vs.stream().map(this::scoped).toList()).map(all -> new JsonArray(all.<JsonObject>list()));
  }

  private static void reply(RoutingContext rc, int status, Future<?> result) {
    result.onSuccess(body -> ServiceHttp.json(rc, status, body)).onFailure(rc::fail);
  }

  private static String require(JsonObject body, String field) {
    String v = body.getString(field);
    if (v == null || v.isEmpty()) {
      throw BerthException.invalid("%s is required", field);
    }
    return v;
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> m = new HashMap<>();
    if (o != null) {
      o.forEach(e -> m.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue())));
    }
    return m;
  }
}
