package io.berth.events.ingress;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.ingress.service.removed}: a node no longer balances a service.
 *
 * @param serviceId the service
 * @param node      the node
 * @param vip       the virtual IP it had, or {@code null}
 */
public record IngressRemoved(String serviceId, String node, String vip) implements NodeScoped {
}
