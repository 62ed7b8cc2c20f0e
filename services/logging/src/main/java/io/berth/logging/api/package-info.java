/**
 * The HTTP API in Docker's shapes: {@code GET /containers/{id}/logs} ({@code docker logs}: query parameters, 8-byte
 * multiplexed or raw frames), this node's part of {@code docker service logs}, and {@code POST /logging/validate}
 * (a {@code HostConfig.LogConfig} checked as dockerd does at container create).
 */
package io.berth.logging.api;
