package io.berth.events.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A mount into the container ({@code --mount}, {@code -v}).
 *
 * @param type          volume, bind or tmpfs
 * @param source        volume name (absent = anonymous volume) or host path of a bind; absent for tmpfs
 * @param target        the absolute path in the container
 * @param readOnly      mounted read-only
 * @param volumeDriver  the driver of a volume that does not exist yet; {@code null} = the container's or
 *                      {@code local}
 * @param volumeOptions options for creating the volume if it does not exist
 */
public record Mount(Type type, String source, String target, boolean readOnly, String volumeDriver,
                    VolumeOptions volumeOptions) {

  /** What is mounted. */
  public enum Type {
    @JsonProperty("volume") VOLUME,
    @JsonProperty("bind") BIND,
    @JsonProperty("tmpfs") TMPFS
  }
}
