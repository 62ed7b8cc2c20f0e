/**
 * The volume service. {@link io.berth.volume.VolumeService} (the {@code ServiceModule}) wires it and deploys its two
 * verticles; {@link io.berth.volume.VolumeController} does {@code docker volume create|inspect|ls|rm|prune} and a
 * container's use of a volume (its {@code RefCount}), each change of a volume under {@link io.berth.volume.VolumeLocks}
 * (claimed in the cluster through {@link io.berth.volume.VolumeClaims}); {@link io.berth.volume.ContainerMounts} mounts
 * a container's volumes all or none and gives them back when it is removed; {@link io.berth.volume.Reconciler} brings
 * the disk in line with the state on start.
 */
package io.berth.volume;
