package io.berth.dns.domain;

/**
 * The network service said a container's sandbox is ready ({@code io.berth.network.sandbox.ready}): every endpoint
 * it starts with has joined, so the endpoints known for it are all of them.
 *
 * @param containerId the container
 * @param node        the node it runs on
 */
public record SandboxReadiness(String containerId, String node) {}
