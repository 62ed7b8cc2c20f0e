/**
 * The CNM driver contract ({@code NetworkDriver}: validate, createNetwork, deleteNetwork, createEndpoint, join,
 * leave, deleteEndpoint, restore) and the driver table ({@code DriverRegistry}, libnetwork's {@code drivers_linux.go});
 * {@code HostDriver} and {@code NullDriver} for {@code --network host} and {@code none}. One package per other driver.
 */
package io.berth.network.driver;
