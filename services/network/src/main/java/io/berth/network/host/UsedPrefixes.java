package io.berth.network.host;

import io.vertx.core.Future;
import java.util.List;

/** What is routed or addressed on the node now ({@code 10.0.0.0/8} style prefixes), for choosing free subnets. */
@FunctionalInterface
public interface UsedPrefixes {
  Future<List<String>> prefixesInUse();
}
