/**
 * The network service: Docker's {@code /networks} API and CNM networking (libnetwork's model: networks, sandboxes,
 * endpoints, drivers) for the containers of this node, driven by container events. {@code NetworkService} wires and
 * starts it, {@code Main} runs it alone. What lives where, by its CNM or Docker name:
 * {@code networks} ({@code docker network create/rm/ls/prune}), {@code sandbox} (a container's sandbox, its
 * endpoints, {@code docker network connect}), {@code driver} (the CNM driver contract and the drivers),
 * {@code ipam} and {@code ports} (addresses and host ports), {@code reconcile} (start-up reconciliation),
 * {@code state} (the durable state), {@code events} (Kafka), {@code api} (HTTP), {@code host} (the Linux host).
 */
package io.berth.network;
