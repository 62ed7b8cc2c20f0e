/**
 * Shared infrastructure for tests that need the real thing: one embedded Kafka broker per test JVM
 * ({@link io.berth.testing.cluster.SharedKafka}) and a lone Hazelcast member configured as a node's
 * ({@link io.berth.testing.cluster.TestHazelcast}). The kit's own tests keep their copies: test-support depends on
 * the kit, and Maven allows no cycle, not even for test scope.
 */
package io.berth.testing.cluster;
