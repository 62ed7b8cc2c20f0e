/** Cluster membership: the Hazelcast configuration shared by clustered Vert.x and berth's state maps. */
package io.berth.kit.cluster;
