/**
 * Functional interfaces the JDK lacks and the kit's helpers take: work that returns nothing and may throw a checked
 * exception (host calls do: {@code Mounts}, {@code Netlink}, {@code Namespaces}).
 */
package io.berth.kit.function;
