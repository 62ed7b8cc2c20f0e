package io.berth.volume.domain;

import io.berth.kit.errors.BerthException;
import java.util.List;
import java.util.Map;

/**
 * One volume a container asks for: {@code -v NAME:/path}, {@code --mount type=volume,...}, an anonymous volume or an
 * image's {@code VOLUME} path.
 *
 * @param source  the volume's name; null = anonymous (named after the container and the target)
 * @param target  where it goes in the container
 * @param driver  the driver to create it with when it is missing; null = an existing volume of any driver, else
 *                {@code local}
 * @param options driver options for creating it ({@code volume-opt})
 * @param labels  labels for creating it ({@code volume-label})
 * @param subpath the sub-directory of the volume to bind ({@code volume-subpath}), or null for the whole volume
 */
public record MountRequest(String source, String target, String driver, Map<String, String> options,
                           Map<String, String> labels, String subpath) {
  public MountRequest {
    source = source == null || source.isEmpty() ? null : source;
    subpath = subpath == null || subpath.isEmpty() ? null : subpath;
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public boolean anonymous() {
    return source == null;
  }

  /** The volume's name: the source, or the anonymous volume of {@code containerId} at the target. */
  public String volumeName(String containerId) {
    return anonymous() ? VolumeName.anonymousFor(containerId, target) : source;
  }

  /**
   * Checks what needs no lookup, before anything is made: the name (Docker's rule) and the subpath.
   *
   * @throws BerthException.InvalidRequest with Docker's message
   */
  public void validate() {
    if (!anonymous()) {
      VolumeName.validate(source);
    }
    if (subpath != null && (subpath.startsWith("/") || List.of(subpath.split("/")).contains(".."))) {
      throw BerthException.invalid("subpath must be a relative path within the volume: %s", subpath);
    }
  }

  /** What to create when a named volume is missing. */
  public VolumeSpec spec() {
    return new VolumeSpec(source, driver, options, labels);
  }

  /** The host path to bind: the volume's path, or its sub-directory. */
  public String hostPath(String volumePath) {
    return subpath == null ? volumePath : volumePath + "/" + subpath;
  }
}
