package io.berth.network.domain;

/**
 * One record of the network service's state topic: exactly one of network, endpoint or sandbox. The service's
 * three kinds share one compacted topic ({@code berth.network.state}), keyed {@code network/<id>},
 * {@code endpoint/<id>}, {@code sandbox/<containerId>}.
 */
public record StateEntry(Network network, Endpoint endpoint, Sandbox sandbox) {
  public static StateEntry of(Network n) {
    return new StateEntry(n, null, null);
  }

  public static StateEntry of(Endpoint e) {
    return new StateEntry(null, e, null);
  }

  public static StateEntry of(Sandbox s) {
    return new StateEntry(null, null, s);
  }

  public static String key(Network n) {
    return "network/" + n.id();
  }

  public static String key(Endpoint e) {
    return "endpoint/" + e.id();
  }

  public static String key(Sandbox s) {
    return "sandbox/" + s.containerId();
  }
}
