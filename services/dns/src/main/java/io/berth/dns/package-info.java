/**
 * The dns service: {@link io.berth.dns.DnsService} (the {@code ServiceModule}) and {@link io.berth.dns.DnsController}
 * (state, listeners and files, driven by events and the cluster map). See the module's README for the placement of the
 * resolver on each network's gateway.
 */
package io.berth.dns;
