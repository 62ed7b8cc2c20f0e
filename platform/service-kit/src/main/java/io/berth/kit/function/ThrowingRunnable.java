package io.berth.kit.function;

/**
 * Work that returns nothing and may throw: a host call such as {@code () -> netlink.delete(name)}. It exists so void
 * work is written as itself, not as a {@code Callable} that ends in {@code return null}.
 */
@FunctionalInterface
public interface ThrowingRunnable {
  void run() throws Exception;
}
