package io.berth.network.host;

import io.berth.kit.steps.Steps;
import io.berth.host.Errno;
import io.berth.host.HostException;
import io.berth.host.Namespaces;
import io.berth.host.NetnsHandle;
import io.berth.host.netlink.LinkAttrs;
import io.berth.host.netlink.Netlink;
import io.berth.host.netlink.Route;
import io.berth.host.netlink.Veth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sandboxes on the host, through host-native: their network namespaces ({@code <exec-root>/netns/<containerId>}) and the veth pairs
 * that join them to bridges. Every call blocks and either completes or leaves nothing behind.
 */
public final class NetnsSandboxHost implements SandboxHost {
  private final NetlinkHostNetwork host;
  private final Namespaces namespaces;
  private volatile SpareNamespaces spares;

  public NetnsSandboxHost(NetlinkHostNetwork host) {
    this.host = host;
    this.namespaces = host.sandboxes();
  }

  /** Takes the container's namespaces from these spares from now on (null: make each one when asked). */
  public void spares(SpareNamespaces spares) {
    this.spares = spares;
  }

  /** Creates the sandbox namespace with {@code lo} up. Equivalent to: {@code ip netns add ID; ip -n ID link set lo up}. */
  @Override
  public Path create(String containerId) {
    SpareNamespaces s = spares;
    return s != null ? s.take(containerId) : SpareNamespaces.makeWithLoopback(namespaces, containerId);
  }

  /** Removes the sandbox namespace; the kernel then destroys its veths (the cheap detach). Missing is fine. */
  @Override
  public void delete(String containerId) {
    SpareNamespaces s = spares;
    if (s != null) {
      s.release(namespaces.path(containerId));
    }
    try {
      namespaces.delete(containerId);
    } catch (HostException e) {
      if (!e.isErrno(Errno.ENOENT)) {
        throw e;
      }
    }
  }

  @Override
  public boolean exists(String containerId) {
    return namespaces.exists(containerId);
  }

  /** Names (container ids) of the sandbox namespaces on this node. */
  @Override
  public List<String> list() {
    return namespaces.list();
  }

  @Override
  public boolean present(Path sandboxKey) {
    return Files.exists(sandboxKey);
  }

  @Override
  public Path path(String containerId) {
    return namespaces.path(containerId);
  }

  /**
   * Joins the sandbox to a bridge, or fails having left no veth, address or route.
   * Equivalent to: {@code ip link add HOSTIF mtu M master BR up type veth peer name IF netns KEY;
   * bridge link set dev HOSTIF hairpin on; ip -n KEY link set IF address MAC; ip -n KEY addr add ...; ip -n KEY link set IF up; ip -n KEY route add default via GW}.
   */
  @Override
  public void join(VethJoin j) {
    Steps steps = new Steps("endpoint " + j.hostIf());
    Netlink nl = host.netlink();
    steps.step("ip link add " + j.hostIf() + " type veth peer name " + j.ifName() + " netns " + j.sandboxKey(),
        () -> nl.add(Veth.of(j.hostIf(), j.ifName()).withPeerNetns(j.sandboxKey())
            .with(LinkAttrs.named(j.hostIf()).withMtu(j.mtu()).withMaster(j.bridge()).withUp(true))),
        () -> host.deleteLink(j.hostIf()));
    // Docker sets hairpin when no userland proxy answers published ports: a container reaching its own published
    // port through a host address gets DNAT'ed back out of the port it came in on, which a bridge refuses otherwise.
    steps.step("bridge link set dev " + j.hostIf() + " hairpin on", () -> nl.setHairpin(j.hostIf(), true));
    steps.step("configure " + j.ifName() + " in " + j.sandboxKey(), () -> configure(j));
  }

  private void configure(VethJoin j) {
    SpareNamespaces s = spares;
    SpareNamespaces.Opened opened = s == null ? null : s.claim(j.sandboxKey());
    if (opened == null) {
      opened = open(j.sandboxKey());
    }
    try (SpareNamespaces.Opened in = opened) {
      if (!j.sysctls().isEmpty()) {
        j.sysctls().forEach((k, v) -> in.handle().sysctls().set(k, v));
      }
      Netlink nl = in.netlink();
      nl.setMac(j.ifName(), j.mac());
      if (j.ipv4() != null) {
        nl.addAddress(j.ifName(), j.ipv4());
      }
      if (j.ipv6() != null) {
        nl.addAddress(j.ifName(), j.ipv6());
      }
      nl.setUp(j.ifName());
      if (j.gateway4() != null) {
        nl.replaceRoute(Route.defaultVia(j.gateway4()).withDev(j.ifName()));
      }
      if (j.gateway6() != null) {
        nl.replaceRoute(Route.defaultVia(j.gateway6()).withDev(j.ifName()));
      }
    }
  }

  private static SpareNamespaces.Opened open(Path namespace) {
    NetnsHandle handle = NetnsHandle.open(namespace);
    try {
      return new SpareNamespaces.Opened(handle, handle.openNetlink());
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  /** Removes an endpoint's veth pair (both ends). Equivalent to: {@code ip link delete HOSTIF}. */
  @Override
  public void leave(String hostIf) {
    host.deleteLink(hostIf);
  }
}
