/**
 * The resolver's pure logic, no I/O: endpoints and their names ({@link io.berth.dns.domain.EndpointRecord}), immutable
 * snapshots swapped on every change ({@link io.berth.dns.domain.RecordStore}), Docker's lookup rules
 * ({@link io.berth.dns.domain.Resolver}), upstream choice, the content of resolv.conf, hosts and hostname
 * ({@link io.berth.dns.domain.SandboxFiles}) and when it can be decided ({@link io.berth.dns.domain.SandboxFacts}).
 */
package io.berth.dns.domain;
