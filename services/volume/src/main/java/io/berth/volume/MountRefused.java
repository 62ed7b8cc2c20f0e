package io.berth.volume;

import io.berth.kit.errors.BerthException;

/**
 * A container's volumes could not be mounted, for a reason a retry does not cure (a bad name or subpath, a missing
 * plugin, a mount the kernel refused); what the container had taken is already given back. Carries the volume and
 * Docker's status and message, for {@code io.berth.volume.mount.failed}.
 */
public final class MountRefused extends RuntimeException {
  private final String volume;
  private final int status;

  MountRefused(String volume, Throwable cause) {
    super(cause.getMessage(), cause);
    this.volume = volume;
    this.status = cause instanceof BerthException b ? b.status() : 500;
  }

  /** The volume that failed, or null when it was not one volume's fault. */
  public String volume() {
    return volume;
  }

  /** Docker's HTTP status for the failure (400 bad input, 404 missing plugin, 409 conflict, 500 mount error). */
  public int status() {
    return status;
  }
}
