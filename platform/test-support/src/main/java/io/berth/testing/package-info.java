/**
 * Test helpers every module shares: {@link io.berth.testing.Await} (polling with a deadline that fails loudly) and
 * {@link io.berth.testing.Golden} (golden-file asserts). Host labs are in {@code io.berth.testing.lab}, end-to-end
 * nodes in {@code io.berth.testing.node}, shared Kafka and Hazelcast in {@code io.berth.testing.cluster}.
 */
package io.berth.testing;
