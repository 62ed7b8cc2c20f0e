package io.berth.gateway.containers;

import io.berth.kit.http.ServiceHttp;
import io.berth.gateway.routing.ServiceProxy;
import io.berth.kit.state.StateStore;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /containers/json} and {@code GET /containers/{id}/json}, answered from the container view. */
public final class ContainersApi {
  private final StateStore<ContainerView> store;
  private final ServiceProxy services;
  private final java.nio.file.Path dataRoot;

  public ContainersApi(StateStore<ContainerView> store, ServiceProxy services, java.nio.file.Path dataRoot) {
    this.store = store;
    this.services = services;
    this.dataRoot = dataRoot;
  }

  public void list(RoutingContext rc) {
    boolean all = truthy(rc.request().getParam("all"));
    store.values().onSuccess(views -> {
      JsonArray out = new JsonArray();
      views.stream()
          .filter(v -> all || v.running())
          .sorted((a, b) -> b.spec().createdAt().compareTo(a.spec().createdAt()))
          .forEach(v -> out.add(ContainerJson.summary(v)));
      ServiceHttp.json(rc, 200, out);
    }).onFailure(rc::fail);
  }

  /**
   * The inspect document: the container view, with its network settings (addresses, published ports) from the
   * network service of this node when it knows the container's sandbox.
   */
  public void inspect(RoutingContext rc, String ref) {
    find(ref).compose(view -> {
      JsonObject doc = ContainerJson.inspect(view);
      doc.put("LogPath", dataRoot.resolve("containers").resolve(view.id()).resolve(view.id() + "-json.log").toString());
      return services.getJson("network", "/sandboxes/" + view.id())
          .otherwiseEmpty()
          .map(sandbox -> {
            if (sandbox != null) ContainerJson.mergeNetworkSettings(doc, sandbox);
            return doc;
          });
    }).onSuccess(doc -> ServiceHttp.json(rc, 200, doc)).onFailure(rc::fail);
  }

  /** The view of one container, for other gateway routes. */
  public io.vertx.core.Future<ContainerView> find(String ref) {
    return store.values().map((List<ContainerView> views) -> ContainerLookup.find(views, ref));
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }
}
