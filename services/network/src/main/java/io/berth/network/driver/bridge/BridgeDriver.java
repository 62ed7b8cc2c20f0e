package io.berth.network.driver.bridge;

import io.berth.kit.steps.Rollback;
import io.berth.kit.steps.StepsFailed;
import io.berth.kit.steps.Teardown;
import io.berth.kit.tracing.HostOps;
import io.berth.network.domain.BridgeOptions;
import io.berth.network.domain.Endpoint;
import io.berth.network.domain.IpamConfig;
import io.berth.network.domain.Network;
import io.berth.network.driver.NetworkDriver;
import io.berth.network.host.Firewall;
import io.berth.network.host.FirewallModel;
import io.berth.network.host.HostNetwork;
import io.berth.network.host.SandboxHost;
import io.berth.network.host.VethJoin;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bridge} driver: a Linux bridge per network ({@code br-<id12>}, the default network's {@code berth0})
 * holding the gateway addresses, a veth pair per endpoint (host end {@code vb<hash>} on the bridge, the other end
 * {@code eth<n>} in the sandbox), and the network's firewall policy (masquerade, isolation, internal, icc).
 */
public final class BridgeDriver implements NetworkDriver {
  /** The default network's bridge. */
  public static final String DEFAULT_BRIDGE_DEVICE = "berth0";

  private final HostNetwork host;
  private final SandboxHost sandboxes;
  private final Firewall firewall;
  private final HostOps hostOps;
  private final int defaultMtu;

  public BridgeDriver(HostNetwork host, SandboxHost sandboxes, Firewall firewall, HostOps hostOps, int defaultMtu) {
    this.host = host;
    this.sandboxes = sandboxes;
    this.firewall = firewall;
    this.hostOps = hostOps;
    this.defaultMtu = defaultMtu;
  }

  @Override
  public String name() {
    return "bridge";
  }

  @Override
  public String scope() {
    return "local";
  }

  @Override
  public Network validate(Network proposed) {
    BridgeOptions o = BridgeOptions.parse(proposed.options(), defaultMtu);
    String device = o.bridgeName() != null ? o.bridgeName()
        : proposed.defaultBridge() ? DEFAULT_BRIDGE_DEVICE : "br-" + proposed.shortId();
    return proposed.withDevice(device);
  }

  /** The options of a stored network (validated when it was created). */
  public BridgeOptions options(Network n) {
    return BridgeOptions.parse(n.options(), defaultMtu);
  }

  @Override
  public Future<Void> createNetwork(Network n) {
    BridgeOptions o = options(n);
    List<String> addresses = new ArrayList<>();
    for (IpamConfig c : n.ipam()) {
      if (c.gateway() != null && !(o.inhibitIpv4() && !c.v6())) {
        addresses.add(c.gateway() + "/" + c.subnet().substring(c.subnet().indexOf('/') + 1));
      }
    }
    return hostOps.<Void>run("bridge create " + n.device(), () -> {
      host.createBridge(n.device(), o.mtu(), addresses);
      if (!o.icc()) {
        host.bridgeNetfilter(true);
      }
      return null;
    }).compose(x -> firewall.putNetwork(n.id(), policy(n, o))
        // the policy may be half in place: both undos run and every error is reported
        .recover(e -> new Rollback()
            .add("bridge", () -> hostOps.run("bridge delete " + n.device(), () -> host.deleteLink(n.device())))
            .add("firewall", () -> firewall.removeNetwork(n.id()))
            .undoAll().compose(undos -> {
              List<String> errors = new ArrayList<>(List.of("firewall: " + e.getMessage()));
              errors.addAll(undos);
              return Future.failedFuture(new StepsFailed("network " + n.name(), errors, e));
            })));
  }

  /** The firewall policy of a network. */
  public FirewallModel.Net policy(Network n) {
    return policy(n, options(n));
  }

  private static FirewallModel.Net policy(Network n, BridgeOptions o) {
    IpamConfig v4 = n.ipv4Pool();
    IpamConfig v6 = n.ipv6Pool();
    return new FirewallModel.Net(n.device(), v4 == null ? null : v4.subnet(), v6 == null ? null : v6.subnet(),
        n.internal(), o.icc(), o.masquerade());
  }

  @Override
  public Future<Void> deleteNetwork(Network n) {
    return new Teardown("network " + n.name() + " removal")
        .then("firewall", () -> firewall.removeNetwork(n.id()))
        .then("ip link delete " + n.device(), () -> hostOps.run("bridge delete " + n.device(),
            () -> host.deleteLink(n.device())))
        .run();
  }

  @Override
  public Future<Void> createEndpoint(Network network, Endpoint endpoint) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> join(Network n, Endpoint e, String sandboxKey, boolean defaultGateway) {
    BridgeOptions o = options(n);
    boolean route = defaultGateway && !n.internal();
    VethJoin j = new VethJoin(e.hostIf(), n.device(), Path.of(sandboxKey), e.ifName(), e.mac(), o.mtu(), e.ipv4(),
        e.ipv6(), route ? e.gateway4() : null, route ? e.gateway6() : null, e.sysctls());
    return hostOps.run("endpoint join " + e.hostIf(), () -> sandboxes.join(j));
  }

  @Override
  public Future<Void> leave(Network n, Endpoint e, boolean sandboxGoing) {
    if (sandboxGoing) {
      return Future.succeededFuture(); // deleting the namespace destroys the veth pair asynchronously
    }
    return hostOps.run("endpoint leave " + e.hostIf(), () -> sandboxes.leave(e.hostIf()));
  }

  @Override
  public Future<Void> deleteEndpoint(Network network, Endpoint endpoint) {
    return Future.succeededFuture();
  }

  @Override
  public List<String> devices(Network n) {
    return List.of(n.device());
  }

  /** The bridge again if it is gone (with its policy), else the policy alone. */
  @Override
  public Future<List<String>> restoreNetwork(Network n) {
    return hostOps.run("link exists " + n.device(), () -> host.linkExists(n.device())).compose(exists -> exists
        ? firewall.putNetwork(n.id(), policy(n)).map(List.<String>of())
        : createNetwork(n).map(List.of("bridge " + n.device())));
  }

  @Override
  public Future<Boolean> restoreEndpoint(Network n, Endpoint e, String sandboxKey, boolean defaultGateway) {
    if (e.hostIf() == null) {
      return Future.succeededFuture(false);
    }
    return hostOps.run("link exists " + e.hostIf(), () -> host.linkExists(e.hostIf())).compose(exists -> exists
        ? Future.succeededFuture(false)
        : createEndpoint(n, e).compose(x -> join(n, e, sandboxKey, defaultGateway)).map(true));
  }
}
