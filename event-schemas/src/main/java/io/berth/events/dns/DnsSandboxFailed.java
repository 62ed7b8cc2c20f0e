package io.berth.events.dns;

import io.berth.events.NodeScoped;

/**
 * {@code io.berth.dns.sandbox.failed}: the DNS service could not write a container's resolver files.
 *
 * @param containerId the container
 * @param node        the node
 * @param status      the HTTP status Docker answers with for this error
 * @param message     the reason
 */
public record DnsSandboxFailed(String containerId, String node, int status, String message) implements NodeScoped {
}
