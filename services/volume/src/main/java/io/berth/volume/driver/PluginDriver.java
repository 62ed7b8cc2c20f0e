package io.berth.volume.driver;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A volume driver reached through Docker's volume plugin protocol ({@code /VolumeDriver.*}), for {@code -d <plugin>}.
 * The plugin keeps its own reference counts: {@code Mount}/{@code Unmount} go out once per container.
 */
public final class PluginDriver implements VolumeDriver {
  private final String name;
  private final PluginClient client;
  private final String scope;

  PluginDriver(String name, PluginClient client, String scope) {
    this.name = name;
    this.client = client;
    this.scope = scope;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String scope() {
    return scope;
  }

  @Override
  public void validate(Map<String, String> opts) {
    // the plugin validates its own options on Create
  }

  @Override
  public Future<String> create(String volume, Map<String, String> opts) {
    return client.call("VolumeDriver.Create", new JsonObject().put("Name", volume).put("Opts", new JsonObject(Map.copyOf(opts))))
        .compose(ok -> path(volume));
  }

  /** {@code /VolumeDriver.Path}: where the volume is mounted now; empty when it is not. */
  public Future<String> path(String volume) {
    return client.call("VolumeDriver.Path", new JsonObject().put("Name", volume)).map(r -> r.getString("Mountpoint", ""));
  }

  /** {@code /VolumeDriver.Get}: the plugin's view of the volume, including {@code Status}. */
  public Future<JsonObject> get(String volume) {
    return client.call("VolumeDriver.Get", new JsonObject().put("Name", volume))
        .map(r -> r.getJsonObject("Volume", new JsonObject()));
  }

  /** {@code /VolumeDriver.List}: the volumes the plugin has. */
  public Future<io.vertx.core.json.JsonArray> list() {
    return client.call("VolumeDriver.List", new JsonObject())
        .map(r -> r.getJsonArray("Volumes", new io.vertx.core.json.JsonArray()));
  }

  @Override
  public Future<Void> remove(String volume, Map<String, String> opts) {
    return client.call("VolumeDriver.Remove", new JsonObject().put("Name", volume)).mapEmpty();
  }

  @Override
  public Future<String> mount(String volume, Map<String, String> opts, String callerId, boolean first) {
    return client.call("VolumeDriver.Mount", new JsonObject().put("Name", volume).put("ID", callerId))
        .map(r -> r.getString("Mountpoint", ""));
  }

  @Override
  public Future<Void> unmount(String volume, Map<String, String> opts, String callerId, boolean last) {
    return client.call("VolumeDriver.Unmount", new JsonObject().put("Name", volume).put("ID", callerId)).mapEmpty();
  }

  @Override
  public Future<Long> size(String volume) {
    return Future.succeededFuture(-1L); // Docker reports -1 for drivers other than local
  }
}
