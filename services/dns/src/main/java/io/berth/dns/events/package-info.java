/** Consumers of network and container events, and the publisher of {@code io.berth.dns.sandbox.configured}. */
package io.berth.dns.events;
