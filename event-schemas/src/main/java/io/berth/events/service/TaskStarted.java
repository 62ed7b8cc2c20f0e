package io.berth.events.service;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.service.task.started}: a service task runs; it becomes a load-balancing backend.
 *
 * @param taskId      the task id
 * @param serviceId   its service
 * @param slot        the replica slot; {@code null} for a global service
 * @param node        the node that runs it
 * @param containerId its container
 * @param addresses   its addresses, one per network
 */
public record TaskStarted(String taskId, String serviceId, Integer slot, String node, String containerId,
                          List<TaskAddress> addresses) implements NodeScoped {

  public TaskStarted {
    addresses = Defaults.list(addresses);
  }
}
