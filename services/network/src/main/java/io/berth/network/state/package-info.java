/** The service's durable state (networks, endpoints, sandboxes in one compacted topic) with this node's indexes. */
package io.berth.network.state;
