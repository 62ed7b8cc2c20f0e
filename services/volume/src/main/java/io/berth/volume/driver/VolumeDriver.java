package io.berth.volume.driver;

import io.vertx.core.Future;
import java.util.Map;

/**
 * One volume driver, in the words of Docker's volume plugin protocol. The service decides when (it keeps the
 * RefCount); the driver does the work. Every method is asynchronous and never blocks the caller's event loop.
 */
public interface VolumeDriver {
  /** The driver name users pass with {@code -d}. */
  String name();

  /** {@code local} or {@code global}, as the driver reports it. */
  default String scope() {
    return "local";
  }

  /** Checks options before anything is made; fails with an InvalidRequest carrying Docker's message. */
  void validate(Map<String, String> opts);

  /** Makes the volume; completes with its host path (may be empty for a plugin that mounts lazily). */
  Future<String> create(String name, Map<String, String> opts);

  /** Removes the volume and its data. Removing a volume the driver no longer has succeeds. */
  Future<Void> remove(String name, Map<String, String> opts);

  /**
   * Makes the volume usable by {@code callerId}; {@code first} = no other container uses it now. Completes with the
   * host path to bind into the container.
   */
  Future<String> mount(String name, Map<String, String> opts, String callerId, boolean first);

  /** Releases the volume for {@code callerId}; {@code last} = no container uses it any more. */
  Future<Void> unmount(String name, Map<String, String> opts, String callerId, boolean last);

  /** Bytes used by the volume, or -1 when the driver cannot tell (Docker's {@code UsageData.Size}). */
  Future<Long> size(String name);
}
