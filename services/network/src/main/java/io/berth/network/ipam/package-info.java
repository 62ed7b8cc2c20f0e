/** IPAM: address pools per network ({@code AddressPool}), subnet planning ({@code SubnetPlanner}, {@code default-address-pools}), allocation through entry processors. */
package io.berth.network.ipam;
