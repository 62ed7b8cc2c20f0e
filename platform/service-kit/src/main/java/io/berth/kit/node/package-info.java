/**
 * Service bootstrap. {@link io.berth.kit.node.BerthNode} starts clustered Vert.x (Hazelcast), the Kafka event bus,
 * tracing and metrics and deploys {@link io.berth.kit.node.ServiceModule}s onto it, handing each a
 * {@link io.berth.kit.node.ServiceContext}. {@link io.berth.kit.node.ServiceMain} runs one service alone; the
 * all-in-one node runs them all in one JVM. Services register where their API listens in
 * {@link io.berth.kit.node.ServiceEndpoints} so the gateway can route to them.
 */
package io.berth.kit.node;
