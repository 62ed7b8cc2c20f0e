/**
 * Maps whose entries change only through entry processors ({@code KeyedEntries}): on the Hazelcast cluster
 * ({@code HazelcastEntries}) or in this node's memory ({@code LocalEntries}). What IPAM and the port allocator run on.
 */
package io.berth.network.cluster;
