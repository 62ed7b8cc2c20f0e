/**
 * The node's container view until the container service exists: {@code docker ps} ({@code GET /containers/json})
 * and {@code docker container inspect} ({@code GET /containers/{id}/json}) answered from the
 * {@code io.berth.container.*} lifecycle events ({@link io.berth.gateway.containers.ContainerEventsConsumer} keeps
 * {@link io.berth.gateway.containers.ContainerView} in {@code berth.container.state}), with Docker's id, name and
 * prefix lookup.
 */
package io.berth.gateway.containers;
