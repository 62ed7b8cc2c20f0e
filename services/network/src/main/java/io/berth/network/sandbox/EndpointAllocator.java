package io.berth.network.sandbox;

import io.berth.kit.steps.Rollback;
import io.berth.kit.errors.BerthException;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.EndpointSysctls;
import io.berth.network.domain.Ids;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.driver.DriverRegistry;
import io.berth.network.ipam.Ipam;
import io.berth.network.ipam.IpamException;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Makes endpoints (libnetwork's {@code Network.CreateEndpoint} before the driver is called): reserves the addresses
 * cluster-wide and names the interfaces. Each reservation registers its undo as soon as it holds something; an IPAM
 * refusal becomes Docker's error.
 */
public final class EndpointAllocator {
  private final DriverRegistry drivers;
  private final Ipam ipam;
  private final String node;

  public EndpointAllocator(DriverRegistry drivers, Ipam ipam, String node) {
    this.drivers = drivers;
    this.ipam = ipam;
    this.node = node;
  }

  /** What an endpoint is asked to be ({@code --network-alias}, {@code --ip}, {@code --ip6}, driver options). */
  public record Request(String id, Network network, String containerId, String containerName, List<String> aliases,
                        String ipv4, String ipv6, String ifName, Map<String, String> driverOpts) {}

  /** The endpoint with its addresses reserved; {@code undo} gives them back. */
  public Future<Endpoint> allocate(Request r, Rollback undo) {
    Network n = r.network();
    Map<String, String> sysctls;
    try {
      sysctls = r.ifName() == null ? Map.of() : EndpointSysctls.parse(r.driverOpts(), r.ifName());
    } catch (BerthException e) {
      return Future.failedFuture(e);
    }
    if (!drivers.get(n.driver()).hasInterfaces()) {
      return Future.succeededFuture(new Endpoint(r.id(), n.id(), n.name(), r.containerId(), r.containerName(), node,
          null, null, null, null, null, null, null, r.aliases(), 0, Map.of()));
    }
    Future<String> v4 = n.ipv4Pool() == null ? Future.succeededFuture(null) : ipam.allocate(n, true, r.ipv4());
    return v4.recover(e -> ipamError(e, n, 4)).compose(a4 -> {
      undo.add("release " + a4, () -> ipam.release(n, Collections.singletonList(a4)));
      Future<String> v6 = n.ipv6Pool() == null ? Future.succeededFuture(null) : ipam.allocate(n, false, r.ipv6());
      return v6.recover(e -> ipamError(e, n, 6)).map(a6 -> {
        undo.add("release " + a6, () -> ipam.release(n, Collections.singletonList(a6)));
        return new Endpoint(r.id(), n.id(), n.name(), r.containerId(), r.containerName(), node, r.ifName(),
            "vb" + r.id().substring(0, 12), Ids.mac(a4), a4, a6, gateway(n.ipv4Pool()), gateway(n.ipv6Pool()),
            r.aliases(), 0, sysctls);
      });
    });
  }

  /** Gives the endpoint's addresses back. */
  public Future<Void> release(Network n, Endpoint e) {
    return ipam.release(n, Arrays.asList(e.ipv4(), e.ipv6()));
  }

  /**
   * Docker's status and message for an IPAM refusal: a taken address is libnetwork's
   * {@code ipamapi.ErrIPAlreadyAllocated}, a {@code ForbiddenError} (403 {@code Address already in use}); an exhausted
   * network is the plain error of {@code Endpoint.assignAddressVersion} (500 {@code no available IPv4 addresses on this
   * network's address pools: NAME (ID)}); anything else about the request is 400.
   */
  static <T> Future<T> ipamError(Throwable e, Network n, int family) {
    if (e instanceof IpamException i) {
      return Future.failedFuture(switch (i.kind()) {
        case TAKEN -> new BerthException.Forbidden(i.getMessage());
        case EXHAUSTED -> new BerthException.Internal("no available IPv" + family
            + " addresses on this network's address pools: " + n.name() + " (" + n.id() + ")", i);
        case INVALID -> new BerthException.InvalidRequest(i.getMessage());
      });
    }
    return Future.failedFuture(e);
  }

  private static String gateway(IpamConfig c) {
    return c == null ? null : c.gateway();
  }
}
