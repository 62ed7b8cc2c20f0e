/**
 * The dns service: {@link io.berth.dns.DnsService} (the {@code ServiceModule}, wiring) and
 * {@link io.berth.dns.DnsController} (the facts events bring: written to the durable state, applied, the container's
 * files refreshed), the two verticles it deploys ({@code DnsServerVerticle}: the resolver and HTTP;
 * {@code DnsEventsVerticle}: the consumers), the resolver's listeners per network ({@code ResolverListeners}) and the
 * per-container settings it reads ({@code ContainerPolicy}). See the module's README for the placement of the
 * resolver on each network's gateway.
 */
package io.berth.dns;
