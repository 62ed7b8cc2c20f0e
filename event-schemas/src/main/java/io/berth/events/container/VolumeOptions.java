package io.berth.events.container;

import io.berth.events.Defaults;
import java.util.Map;

/**
 * How to create a volume a mount names when it does not exist yet ({@code volume-opt}, {@code volume-label},
 * {@code volume-nocopy}, {@code volume-subpath}).
 *
 * @param driverOpts options passed to the volume driver unchanged
 * @param labels     labels of the created volume
 * @param noCopy     do not copy the image's content into an empty volume
 * @param subpath    mount this relative sub-directory of the volume; {@code null} = the whole volume
 */
public record VolumeOptions(Map<String, String> driverOpts, Map<String, String> labels, boolean noCopy,
                            String subpath) {

  public VolumeOptions {
    driverOpts = Defaults.map(driverOpts);
    labels = Defaults.map(labels);
  }
}
