package io.berth.events.ingress;

/**
 * A task the load balancer sends connections to.
 *
 * @param taskId  the task
 * @param address its address on the ingress or service network (no prefix)
 * @param node    the node that runs it
 */
public record Backend(String taskId, String address, String node) {
}
