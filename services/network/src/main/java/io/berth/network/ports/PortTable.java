package io.berth.network.ports;

import io.berth.network.domain.PortRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host ports published on one node: {@code proto/port} → the bindings holding it. A wildcard address
 * ({@code 0.0.0.0}, {@code ::}) collides with every address of its family on the same port. Lives in the cluster map
 * keyed by node and only changes inside entry processors, so two containers never get the same port.
 */
public final class PortTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One holder of a port. */
  public record Holder(String hostIp, String containerId) implements Serializable {}

  private final Map<String, List<Holder>> used = new HashMap<>();
  private int cursor = PortRequest.EPHEMERAL_LOW;

  /**
   * Reserves a host port for each request, all or none. {@code reserved[i]} is the port for {@code requests[i]}.
   *
   * @throws PortConflict naming the first binding that cannot be had, in Docker's words
   */
  public int[] reserve(String containerId, List<PortRequest> requests) {
    int[] ports = new int[requests.size()];
    List<String[]> taken = new ArrayList<>();
    try {
      for (int i = 0; i < requests.size(); ) {
        // siblings (one publication on several addresses, e.g. 0.0.0.0 and ::) get the same port, as in Docker
        int end = i + 1;
        while (end < requests.size() && siblings(requests.get(i), requests.get(end))) {
          end++;
        }
        List<PortRequest> group = requests.subList(i, end);
        PortRequest r = group.get(0);
        int port = r.dynamic() ? nextFree(group) : firstFree(group);
        if (port < 0) {
          throw conflict(group);
        }
        for (PortRequest g : group) {
          add(g.protocol(), port, new Holder(g.hostIp(), containerId));
          taken.add(new String[] {g.protocol(), String.valueOf(port), g.hostIp()});
          ports[i++] = port;
        }
      }
      return ports;
    } catch (PortConflict e) {
      for (String[] t : taken) {
        remove(t[0], Integer.parseInt(t[1]), containerId, t[2]);
      }
      throw e;
    }
  }

  /** Marks a binding held (state restore); idempotent. */
  public void hold(String protocol, int port, String hostIp, String containerId) {
    Holder h = new Holder(hostIp, containerId);
    List<Holder> l = used.computeIfAbsent(protocol + "/" + port, k -> new ArrayList<>());
    if (!l.contains(h)) {
      l.add(h);
    }
  }

  /** Frees every port the container holds; returns how many. */
  public int releaseAll(String containerId) {
    int n = 0;
    for (var it = used.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      int before = e.getValue().size();
      e.getValue().removeIf(h -> h.containerId().equals(containerId));
      n += before - e.getValue().size();
      if (e.getValue().isEmpty()) {
        it.remove();
      }
    }
    return n;
  }

  public boolean isFree(String protocol, int port, String hostIp) {
    List<Holder> l = used.get(protocol + "/" + port);
    return l == null || l.stream().noneMatch(h -> collide(h.hostIp(), hostIp));
  }

  /** The same publication on other addresses: same protocol, container port and host port range. */
  private static boolean siblings(PortRequest a, PortRequest b) {
    return a.protocol().equals(b.protocol()) && a.containerPort() == b.containerPort()
        && a.hostPortLow() == b.hostPortLow() && a.hostPortHigh() == b.hostPortHigh() && !a.hostIp().equals(b.hostIp());
  }

  private boolean isFree(List<PortRequest> group, int port) {
    return group.stream().allMatch(g -> isFree(g.protocol(), port, g.hostIp()));
  }

  /** Docker's message, naming the address that is taken (the first one for a range or a dynamic port). */
  private PortConflict conflict(List<PortRequest> group) {
    PortRequest r = group.stream().filter(g -> !g.dynamic() && g.hostPortLow() == g.hostPortHigh()
        && !isFree(g.protocol(), g.hostPortLow(), g.hostIp())).findFirst().orElse(group.get(0));
    String shown = r.v6() ? "[" + r.hostIp() + "]" : r.hostIp();
    String ports = r.dynamic() ? "" : r.hostPortLow() == r.hostPortHigh() ? String.valueOf(r.hostPortLow())
        : r.hostPortLow() + "-" + r.hostPortHigh();
    return new PortConflict("Bind for " + shown + ":" + ports + " failed: port is already allocated");
  }

  private int firstFree(List<PortRequest> group) {
    PortRequest r = group.get(0);
    for (int p = r.hostPortLow(); p <= r.hostPortHigh(); p++) {
      if (isFree(group, p)) {
        return p;
      }
    }
    return -1;
  }

  private int nextFree(List<PortRequest> group) {
    int span = PortRequest.EPHEMERAL_HIGH - PortRequest.EPHEMERAL_LOW + 1;
    for (int i = 0; i < span; i++) {
      int p = PortRequest.EPHEMERAL_LOW + (cursor - PortRequest.EPHEMERAL_LOW + i) % span;
      if (isFree(group, p)) {
        cursor = p + 1 > PortRequest.EPHEMERAL_HIGH ? PortRequest.EPHEMERAL_LOW : p + 1;
        return p;
      }
    }
    return -1;
  }

  private void add(String protocol, int port, Holder h) {
    used.computeIfAbsent(protocol + "/" + port, k -> new ArrayList<>()).add(h);
  }

  private void remove(String protocol, int port, String containerId, String hostIp) {
    List<Holder> l = used.get(protocol + "/" + port);
    if (l != null) {
      l.remove(new Holder(hostIp, containerId));
      if (l.isEmpty()) {
        used.remove(protocol + "/" + port);
      }
    }
  }

  static boolean collide(String a, String b) {
    boolean v6a = a.contains(":");
    boolean v6b = b.contains(":");
    if (v6a != v6b) {
      return false;
    }
    return a.equals(b) || isWildcard(a) || isWildcard(b);
  }

  private static boolean isWildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::");
  }

  /** A requested port is held by someone else. */
  public static final class PortConflict extends RuntimeException {
    public PortConflict(String message) {
      super(message);
    }
  }
}
