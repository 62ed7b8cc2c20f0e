package io.berth.events.service;

/**
 * {@code io.berth.service.removed}: a swarm service was removed.
 *
 * @param id   the service id
 * @param name the service name
 */
public record ServiceRemoved(String id, String name) {
}
