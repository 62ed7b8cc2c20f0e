package io.berth.events.service;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.service.task.stopped}: a service task ended; it stops being a backend.
 *
 * @param taskId      the task id
 * @param serviceId   its service
 * @param slot        the replica slot; {@code null} for a global service
 * @param node        the node that ran it
 * @param containerId its container
 * @param addresses   the addresses it had, one per network
 */
public record TaskStopped(String taskId, String serviceId, Integer slot, String node, String containerId,
                          List<TaskAddress> addresses) implements NodeScoped {

  public TaskStopped {
    addresses = Defaults.list(addresses);
  }
}
