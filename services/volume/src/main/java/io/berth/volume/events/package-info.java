/**
 * Kafka for volumes: {@link io.berth.volume.events.ContainerEventsConsumer} turns {@code io.berth.container.created}
 * and {@code removed} into a container's mounts (or {@code io.berth.volume.mount.failed}),
 * {@link io.berth.volume.events.VolumeEventsPublisher} publishes the facts ({@code io.berth.volume.created},
 * {@code removed}, {@code mounted}, {@code unmounted}, {@code pruned}), and
 * {@link io.berth.volume.events.VolumeEventsVerticle} is the context container events are handled on.
 */
package io.berth.volume.events;
