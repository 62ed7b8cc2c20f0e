package io.berth.gateway.containers;

import io.berth.kit.http.ServiceHttp;
import io.berth.kit.state.StateStore;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /containers/json} and {@code GET /containers/{id}/json}, answered from the container view. */
public final class ContainersApi {
  private final StateStore<ContainerView> store;

  public ContainersApi(StateStore<ContainerView> store) {
    this.store = store;
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

  public void inspect(RoutingContext rc, String ref) {
    store.values().onSuccess(views -> {
      try {
        ServiceHttp.json(rc, 200, ContainerJson.inspect(ContainerLookup.find(views, ref)));
      } catch (RuntimeException e) {
        rc.fail(e);
      }
    }).onFailure(rc::fail);
  }

  /** The view of one container, for other gateway routes. */
  public io.vertx.core.Future<ContainerView> find(String ref) {
    return store.values().map((List<ContainerView> views) -> ContainerLookup.find(views, ref));
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }
}
