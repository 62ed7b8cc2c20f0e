package io.berth.logging.domain;

/** The swarm task a container runs, for service-log details. */
public record SwarmTaskInfo(String serviceId, String serviceName, String taskId, Integer slot) {
}
