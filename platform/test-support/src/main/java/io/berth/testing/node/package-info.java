/**
 * End-to-end fixtures: a berth node as a separate process in a lab network namespace
 * ({@link io.berth.testing.node.NodeProcess}), the docker CLI against it, and raw HTTP over its socket.
 */
package io.berth.testing.node;
