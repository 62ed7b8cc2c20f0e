package io.berth.network.host;

import io.berth.kit.steps.Steps;
import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.Address;
import io.berth.host.netlink.Bridge;
import io.berth.host.netlink.Link;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Mac;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The network namespace the node runs in ("the host" for this service) and the sandbox namespaces under
 * {@code <exec-root>/netns}: bridges, their addresses, and what is in use there. Everything berth makes here carries
 * a recognisable name ({@code br-<id12>}, {@code berth0}, {@code vb<hash>}). Every call blocks.
 */
public final class NetlinkHostNetwork implements HostNetwork, AutoCloseable {
  private final NetnsHandle host;
  private final Netlink netlink;
  private final Namespaces sandboxes;

  /**
   * @param host       the node's own namespace (production: {@link Namespaces#current()}; tests: a lab namespace)
   * @param sandboxDir where sandbox namespaces are pinned ({@code <exec-root>/netns})
   */
  public NetlinkHostNetwork(NodeNamespace node, Path sandboxDir) {
    this(node.handle(), sandboxDir);
  }

  NetlinkHostNetwork(NetnsHandle host, Path sandboxDir) {
    this.host = host;
    this.netlink = host.openNetlink();
    this.sandboxes = new Namespaces(sandboxDir);
  }

  /** The firewall of this namespace (its nftables context). */
  public NftablesFirewall firewall(io.berth.kit.tracing.HostOps hostOps) {
    return new NftablesFirewall(host.nftables(), hostOps);
  }

  public Netlink netlink() {
    return netlink;
  }

  Namespaces sandboxes() {
    return sandboxes;
  }

  /** Where sandbox namespaces are pinned. */
  public Path sandboxDir() {
    return sandboxes.runDir();
  }

  /** Spare sandbox namespaces, pinned next to the sandbox directory ({@code <exec-root>/netns-spare}). */
  public SpareNamespaces spares(int target) {
    return new SpareNamespaces(sandboxes.runDir().resolveSibling("netns-spare"), sandboxes, target);
  }

  /** Undoes the shared bind mount on the sandbox directory, if this instance made it. */
  public void releaseSandboxDir() {
    sandboxes.releaseRunDir();
  }

  /**
   * Creates the bridge with its gateway addresses and brings it up, or fails having left nothing.
   * Equivalent to: {@code ip link add NAME [mtu M] address RANDOM type bridge; ip addr add GW/LEN dev NAME;
   * ip link set NAME up}.
   *
   * <p>The bridge gets an address of its own, as Docker's does: without one the kernel gives it the lowest address
   * of its ports, so a container joining with a lower one would change the gateway's MAC under every other
   * container, whose ARP entry for the gateway then points nowhere until it expires (15 to 45 s without DNS,
   * outbound traffic or published ports).
   */
  @Override
  public void createBridge(String name, int mtu, List<String> addresses) {
    Steps steps = new Steps("bridge " + name);
    LinkAttrs attrs = LinkAttrs.named(name).withMtu(mtu).withMac(Mac.randomLocal());
    steps.step("ip link add " + name + " type bridge", () -> netlink.add(Bridge.of(name).with(attrs)),
        () -> netlink.delete(name));
    for (String a : addresses) {
      steps.step("ip addr add " + a + " dev " + name, () -> netlink.addAddress(name, a));
    }
    steps.step("sysctl net.ipv4.conf." + name + ".route_localnet=1",
        () -> host.sysctls().routeLocalnet(name, true));
    steps.step("ip link set " + name + " up", () -> netlink.setUp(name));
  }

  /** Equivalent to: {@code ip link delete NAME}; a missing link is not an error. */
  @Override
  public void deleteLink(String name) {
    try {
      netlink.delete(name);
    } catch (HostException e) {
      if (!e.isErrno(Errno.ENODEV)) {
        throw e;
      }
    }
  }

  @Override
  public boolean linkExists(String name) {
    return netlink.find(name).isPresent();
  }

  /** Names of the links in the node's namespace. Equivalent to: {@code ip -o link show}. */
  @Override
  public List<String> linkNames() {
    return netlink.list().stream().map(Link::name).toList();
  }

  /** Prefixes of every route and address in the node's namespace, which a new network's subnet must not overlap. */
  @Override
  public List<String> prefixesInUse() {
    List<String> out = new ArrayList<>();
    for (Route r : netlink.routes(Route.MAIN)) {
      if (r.dst() != null && r.dst().length() > 0) {
        out.add(r.dst().toString());
      }
    }
    for (Link l : netlink.list()) {
      if (l.name().equals("lo")) {
        continue;
      }
      for (Address a : netlink.addresses(l.name())) {
        out.add(a.prefix().toString());
      }
    }
    return out;
  }

  /** Turns on IPv4 (and IPv6, if asked) forwarding in the node's namespace, as Docker does. */
  @Override
  public void enableForwarding(boolean ipv6) {
    host.sysctls().ipForward(true);
    if (ipv6) {
      host.sysctls().set("net.ipv6.conf.all.forwarding", "1");
    }
  }

  /** Makes bridged traffic pass the forward hook, needed to drop traffic inside a network ({@code enable_icc=false}). */
  @Override
  public void bridgeNetfilter(boolean on) {
    host.sysctls().set("net.bridge.bridge-nf-call-iptables", on ? "1" : "0");
    host.sysctls().set("net.bridge.bridge-nf-call-ip6tables", on ? "1" : "0");
  }

  @Override
  public void close() {
    netlink.close();
  }
}
