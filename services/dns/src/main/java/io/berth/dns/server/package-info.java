/**
 * The wire side on Netty and its DNS codec: listeners per network ({@link io.berth.dns.server.DnsServer}), query
 * handling ({@link io.berth.dns.server.QueryHandler}), forwarding ({@link io.berth.dns.server.Forwarder}), assembled by
 * {@link io.berth.dns.server.EmbeddedResolver}. Every socket is created inside a
 * {@link io.berth.dns.server.ListenNamespace}.
 */
package io.berth.dns.server;
