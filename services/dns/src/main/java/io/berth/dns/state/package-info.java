/** The durable state ({@code berth.dns.state}) and the feed that applies the cluster map on every node. */
package io.berth.dns.state;
