package io.berth.testing.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client "outside" a node, for end-to-end tests of what reaches the node from elsewhere: its own network
 * namespace ({@code /run/netns/NAME}) joined by a veth to the node's namespace ({@code lab0} on the node's side,
 * {@code eth0} on the client's), an IPv4 /24 and optionally an IPv6 /64 on each end. Never touches the machine's own
 * namespace; {@link #close()} removes the namespace and with it the veth.
 */
public final class OutsideClient implements AutoCloseable {
  private final String name;

  private OutsideClient(String name) {
    this.name = name;
  }

  /**
   * @param nodeV4   the node end's IPv4 address (prefix /24), e.g. {@code 10.231.0.1}
   * @param clientV4 the client's IPv4 address in the same /24
   * @param nodeV6   the node end's IPv6 address (prefix /64), or null for IPv4 only
   * @param clientV6 the client's IPv6 address, or null
   */
  public static OutsideClient attach(NodeProcess node, String name, String nodeV4, String clientV4, String nodeV6,
                                     String clientV6) {
    OutsideClient c = new OutsideClient(name);
    try {
      must(Commands.run("ip", "netns", "add", name));
      must(node.inNetns("ip", "link", "add", "lab0", "type", "veth", "peer", "name", "eth0", "netns",
          "/run/netns/" + name));
      must(node.inNetns("ip", "addr", "add", nodeV4 + "/24", "dev", "lab0"));
      must(Commands.run("ip", "-n", name, "addr", "add", clientV4 + "/24", "dev", "eth0"));
      if (nodeV6 != null) {
        must(node.inNetns("ip", "addr", "add", nodeV6 + "/64", "dev", "lab0", "nodad"));
        must(Commands.run("ip", "-n", name, "addr", "add", clientV6 + "/64", "dev", "eth0", "nodad"));
      }
      must(node.inNetns("ip", "link", "set", "lab0", "up"));
      must(Commands.run("ip", "-n", name, "link", "set", "eth0", "up"));
      must(Commands.run("ip", "-n", name, "link", "set", "lo", "up"));
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** Runs a command inside the client's namespace (30 s at most). */
  public Commands.Result exec(String... command) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
    c.addAll(List.of(command));
    return Commands.run(c, Map.of(), 30);
  }

  @Override
  public void close() {
    Commands.run("ip", "netns", "del", name);
  }

  private static void must(Commands.Result r) {
    if (!r.ok()) {
      throw new IllegalStateException(r.toString());
    }
  }
}
