/**
 * Docker Engine API for volumes, without the {@code /v1.NN} prefix: {@code POST /volumes/create}, {@code GET /volumes},
 * {@code GET|DELETE /volumes/{name}}, {@code POST /volumes/prune}, the volume part of {@code GET /system/df}, and the
 * service's own {@code POST /volumes/{name}/mount|unmount}; JSON in Docker's {@code Volume} and {@code UsageData}
 * shapes ({@link io.berth.volume.api.VolumeJson}); served by {@link io.berth.volume.api.VolumeApiVerticle}.
 */
package io.berth.volume.api;
