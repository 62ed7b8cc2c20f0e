package io.berth.volume.api;

import io.berth.volume.domain.Volume;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Docker's JSON shapes for volumes ({@code Volume}, {@code UsageData}). */
final class VolumeJson {
  private VolumeJson() {}

  /** {@code Volume} as {@code docker volume inspect} prints it; empty maps are {@code null} as in Docker. */
  static JsonObject volume(Volume v, String scope) {
    return new JsonObject()
        .put("CreatedAt", v.createdAt())
        .put("Driver", v.driver())
        .put("Labels", mapOrNull(v.labels()))
        .put("Mountpoint", v.mountpoint())
        .put("Name", v.name())
        .put("Options", mapOrNull(v.options()))
        .put("Scope", scope);
  }

  /** With {@code UsageData}, as in {@code GET /system/df}. */
  static JsonObject withUsage(Volume v, String scope, long size) {
    return volume(v, scope).put("UsageData", new JsonObject().put("Size", size).put("RefCount", v.refCount()));
  }

  private static JsonObject mapOrNull(Map<String, String> m) {
    return m.isEmpty() ? null : new JsonObject(Map.copyOf(m));
  }
}
