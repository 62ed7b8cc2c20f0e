/**
 * CNM and Docker values, pure: {@code Network}, {@code Endpoint}, {@code Sandbox}, {@code NetworkMode} (Docker's
 * {@code HostConfig.NetworkMode}), port requests and mappings ({@code -p}), driver and endpoint options, filters
 * ({@code docker network ls --filter}), ids. No I/O.
 */
package io.berth.network.domain;
