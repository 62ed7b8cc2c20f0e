/**
 * Cluster membership: the Hazelcast configuration shared by clustered Vert.x and berth's state maps, including the
 * map settings the services declare ({@link io.berth.kit.node.ServiceModule#mapConfigs()}), set before the member
 * starts.
 */
package io.berth.kit.cluster;
