/** The {@code bridge} driver: a Linux bridge per network, a veth pair per endpoint, the network's firewall policy. */
package io.berth.network.driver.bridge;
