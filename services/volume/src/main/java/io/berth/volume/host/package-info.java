/**
 * What the {@code local} driver does to the machine, through host-native only: {@link io.berth.volume.host.VolumeHost}
 * is the contract (folders, {@code mount(2)} of {@code type}/{@code device}/{@code o}, the ext4 image of
 * {@code --opt size} on a loop device, disk usage) and {@link io.berth.volume.host.LinuxVolumeHost} does it;
 * {@link io.berth.volume.host.MountOptions} splits {@code o=} into {@code mount(2)} flags and data as
 * {@code mount(8)} does.
 */
package io.berth.volume.host;
