/**
 * Volumes as Docker names them, pure: {@link io.berth.volume.domain.Volume} (with its users, the {@code RefCount}),
 * the {@code local} driver's options ({@link io.berth.volume.domain.LocalOptions}: {@code type}, {@code device},
 * {@code o}, {@code size}), volume names and anonymous names ({@link io.berth.volume.domain.VolumeName}), what
 * {@code create} asks ({@link io.berth.volume.domain.VolumeSpec}), a container's mount of a volume with its
 * {@code subpath} ({@link io.berth.volume.domain.MountRequest}), and the {@code ls}/{@code prune} filters
 * ({@link io.berth.volume.domain.VolumeQuery}, {@link io.berth.volume.domain.LabelFilter}).
 */
package io.berth.volume.domain;
