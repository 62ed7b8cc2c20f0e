package io.berth.volume.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A volume as berth keeps it in its state store (one record per node and name).
 *
 * @param name       the volume name
 * @param driver     {@code local} or a plugin's name
 * @param node       the node that owns it ({@code Scope: local})
 * @param mountpoint host path of its data ({@code <data-root>/volumes/<name>/_data} for {@code local})
 * @param createdAt  RFC 3339 creation time
 * @param labels     labels; the anonymous label marks volumes made without a name
 * @param options    driver options as given
 * @param users      container id → target path, one entry per container using it (its RefCount)
 * @param createdBy  the container an anonymous volume was made for, or null
 */
public record Volume(String name, String driver, String node, String mountpoint, String createdAt,
                     Map<String, String> labels, Map<String, String> options, Map<String, String> users,
                     String createdBy) {
  /** Docker's label on volumes created without a name ({@code volume/service/service.go AnonymousLabel}). */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
  public static final String LOCAL = "local";

  public Volume {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    options = options == null ? Map.of() : Map.copyOf(options);
    users = users == null ? Map.of() : Map.copyOf(users);
  }

  /** The state-store key: local volumes are owned per node. */
  public static String key(String node, String name) {
    return node + "/" + name;
  }

  public String key() {
    return key(node, name);
  }

  public boolean anonymous() {
    return labels.containsKey(ANONYMOUS_LABEL);
  }

  public int refCount() {
    return users.size();
  }

  public boolean inUse() {
    return !users.isEmpty();
  }

  public boolean localDriver() {
    return LOCAL.equals(driver);
  }

  /** This volume with {@code containerId} using it at {@code target}. */
  public Volume withUser(String containerId, String target) {
    Map<String, String> u = new LinkedHashMap<>(users);
    u.put(containerId, target == null ? "" : target);
    return new Volume(name, driver, node, mountpoint, createdAt, labels, options, u, createdBy);
  }

  /** This volume without {@code containerId} among its users. */
  public Volume withoutUser(String containerId) {
    Map<String, String> u = new LinkedHashMap<>(users);
    u.remove(containerId);
    return new Volume(name, driver, node, mountpoint, createdAt, labels, options, u, createdBy);
  }

  public Volume withMountpoint(String path) {
    return new Volume(name, driver, node, path, createdAt, labels, options, users, createdBy);
  }
}
