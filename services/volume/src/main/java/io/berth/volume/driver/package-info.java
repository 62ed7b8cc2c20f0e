/**
 * Volume drivers in the words of Docker's volume plugin protocol ({@link io.berth.volume.driver.VolumeDriver}:
 * {@code Create}, {@code Remove}, {@code Mount}, {@code Unmount}): the {@code local} driver
 * ({@link io.berth.volume.driver.LocalDriver}, {@code <data-root>/volumes/<name>/_data}), legacy plugins reached over
 * {@code /VolumeDriver.*} ({@link io.berth.volume.driver.PluginDriver}), and the lookup by name with Docker's plugin
 * discovery ({@link io.berth.volume.driver.DriverRegistry}).
 */
package io.berth.volume.driver;
