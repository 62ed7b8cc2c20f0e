package io.berth.events.network;

/**
 * An IPAM pool of a network.
 *
 * @param subnet  CIDR, e.g. {@code 172.18.0.0/16}
 * @param gateway the gateway address, or {@code null}
 * @param ipRange the CIDR containers are allocated from, or {@code null} = the whole subnet
 */
public record Subnet(String subnet, String gateway, String ipRange) {
}
