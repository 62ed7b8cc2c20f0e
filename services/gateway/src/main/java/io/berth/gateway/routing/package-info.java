/**
 * Which service owns which Docker API path ({@link io.berth.gateway.routing.Routes}: {@code /volumes} → volume,
 * {@code /networks} → network, {@code /containers/{id}/logs} → logging, swarm paths → ingress; Docker's 404
 * {@code page not found} for the rest) and the proxy that forwards a request, body unread, to that service on this
 * node ({@link io.berth.gateway.routing.ServiceProxy}).
 */
package io.berth.gateway.routing;
