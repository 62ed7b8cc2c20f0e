package io.berth.gateway.containers;

import io.berth.events.container.ContainerCreated;

/**
 * What the gateway knows of a container: the spec its producer announced and the lifecycle state that followed.
 * berth does not run containers; it answers {@code docker container inspect/ls} from these events.
 *
 * @param spec       the {@code io.berth.container.created} data
 * @param status     Docker's words: {@code created}, {@code running}, {@code exited}
 * @param pid        the container's process id while running, else 0
 * @param exitCode   the last exit status
 * @param startedAt  RFC 3339, or Docker's zero time when never started
 * @param finishedAt RFC 3339, or Docker's zero time while never stopped
 */
public record ContainerView(ContainerCreated spec, String status, int pid, int exitCode, String startedAt, String finishedAt) {
  /** Docker prints this for times that have not happened. */
  public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  public static ContainerView created(ContainerCreated spec) {
    return new ContainerView(spec, "created", 0, 0, ZERO_TIME, ZERO_TIME);
  }

  public String id() {
    return spec.id();
  }

  public String name() {
    return spec.name();
  }

  public boolean running() {
    return "running".equals(status);
  }

  public ContainerView started(int pid, String at) {
    return new ContainerView(spec, "running", pid, exitCode, at, finishedAt);
  }

  public ContainerView stopped(int code, String at) {
    return new ContainerView(spec, "exited", 0, code, startedAt, at);
  }
}
