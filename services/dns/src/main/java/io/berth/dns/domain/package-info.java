/**
 * The resolver's pure logic, no I/O: endpoints and their names ({@link io.berth.dns.domain.EndpointRecord}), immutable
 * snapshots swapped on every change ({@link io.berth.dns.domain.RecordStore}), Docker's lookup rules
 * ({@link io.berth.dns.domain.Resolver}), upstream choice and the content of resolv.conf, hosts and hostname.
 */
package io.berth.dns.domain;
