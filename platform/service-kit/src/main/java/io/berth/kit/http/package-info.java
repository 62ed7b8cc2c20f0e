/**
 * The HTTP surface shared by every service: health, readiness, metrics, log level, body limit and errors; and
 * {@link io.berth.kit.http.DockerFilters}, the Docker {@code filters} query parameter every list and prune endpoint
 * reads (pure, so domain code may use it).
 */
package io.berth.kit.http;
