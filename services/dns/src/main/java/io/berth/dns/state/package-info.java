/**
 * The durable state ({@code berth.dns.state}, map {@code berth.dns.records}): its entries
 * ({@link io.berth.dns.state.DnsState}), what this node has applied of them ({@link io.berth.dns.state.DnsView}),
 * and the feed that applies the cluster map on every node ({@link io.berth.dns.state.StateFeed}).
 */
package io.berth.dns.state;
