/** The resolver's only contact with host-native: sockets opened inside a network namespace. */
package io.berth.dns.host;
