package io.berth.volume.api;

import io.berth.kit.http.ServiceHttp;
import io.berth.kit.node.ServiceContext;
import io.berth.volume.VolumeController;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * The volume service's HTTP face on a context of its own: Docker's volume API ({@link VolumeApi}) beside the shared
 * {@code /health}, {@code /ready} and {@code /metrics}, on a free loopback port registered for the node's gateway.
 */
public final class VolumeApiVerticle extends VerticleBase {
  private final ServiceContext ctx;
  private final String service;
  private final VolumeController volumes;

  public VolumeApiVerticle(ServiceContext ctx, String service, VolumeController volumes) {
    this.ctx = ctx;
    this.service = service;
    this.volumes = volumes;
  }

  @Override
  public Future<?> start() {
    ServiceHttp http = new ServiceHttp(ctx, service);
    new VolumeApi(volumes).mount(http.router());
    return http.listen("127.0.0.1", 0);
  }
}
