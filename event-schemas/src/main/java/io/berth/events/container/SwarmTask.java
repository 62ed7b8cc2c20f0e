package io.berth.events.container;

/**
 * The swarm task a container runs.
 *
 * @param serviceId   the service id
 * @param serviceName the service name
 * @param taskId      the task id
 * @param taskSlot    the replica slot; {@code null} for a global service
 */
public record SwarmTask(String serviceId, String serviceName, String taskId, Integer taskSlot) {
}
