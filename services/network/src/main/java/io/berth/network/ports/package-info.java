/** Published host ports ({@code -p}) per node: {@code PortTable} and its allocator, Docker's {@code portallocator}. */
package io.berth.network.ports;
