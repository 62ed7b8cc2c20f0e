package io.berth.events.service;

/**
 * A task's address on one network.
 *
 * @param network the network name or id
 * @param ipv4    IPv4 address with prefix, e.g. {@code 10.0.1.5/24}
 * @param ipv6    IPv6 address with prefix, or {@code null}
 */
public record TaskAddress(String network, String ipv4, String ipv6) {
}
