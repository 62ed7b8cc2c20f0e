package io.berth.network.host;

import io.berth.host.nft.Chain;
import io.berth.host.nft.NftMap;
import io.berth.host.nft.Rule;
import io.berth.host.nft.Ruleset;
import io.berth.host.nft.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates berth's whole firewall, table {@code inet berth}, from the node's networks and published ports. Pure:
 * the same snapshot always renders the same text (golden-file tests). Applied atomically, the table replaces the
 * previous one, so removing a network or a container removes exactly its rules.
 *
 * <ul>
 *   <li>Port publishing: DNAT of local destinations ({@code fib daddr type local}) through maps keyed by
 *       protocol and port (any address) or address, protocol and port, in prerouting (from outside and from
 *       containers) and output (from the node itself, {@code 127.0.0.1} included with {@code route_localnet}).</li>
 *   <li>Forwarding per bridge: replies and DNAT'ed connections in, everything else from another interface dropped
 *       (Docker 28's isolation between networks and its direct-access protection); {@code --internal} drops all
 *       traffic crossing the bridge; {@code enable_icc=false} drops traffic within it.</li>
 *   <li>Masquerade of a subnet leaving its bridge; of loopback traffic DNAT'ed into a bridge; of hairpin traffic
 *       (a container of the network DNAT'ed back into it, itself included; the bridge ports are in hairpin mode).</li>
 * </ul>
 */
public final class FirewallRules {
  /** berth's only table. */
  public static final String TABLE = "berth";

  private FirewallRules() {}

  public static Ruleset build(FirewallModel.Snapshot s) {
    Table t = Table.inet(TABLE);
    Map<String, String> any4 = new LinkedHashMap<>();
    Map<String, String> ip4 = new LinkedHashMap<>();
    Map<String, String> any6 = new LinkedHashMap<>();
    Map<String, String> ip6 = new LinkedHashMap<>();
    for (FirewallModel.Port p : s.ports()) {
      String target = p.containerIp() + " . " + p.containerPort();
      String key = p.protocol() + " . " + p.hostPort();
      Map<String, String> m = p.v6() ? (p.wildcard() ? any6 : ip6) : (p.wildcard() ? any4 : ip4);
      m.put(p.wildcard() ? key : p.hostIp() + " . " + key, target);
    }
    t.map(NftMap.of("ports4", "inet_proto . inet_service", "ipv4_addr . inet_service", any4));
    t.map(NftMap.of("addrports4", "ipv4_addr . inet_proto . inet_service", "ipv4_addr . inet_service", ip4));
    t.map(NftMap.of("ports6", "inet_proto . inet_service", "ipv6_addr . inet_service", any6));
    t.map(NftMap.of("addrports6", "ipv6_addr . inet_proto . inet_service", "ipv6_addr . inet_service", ip6));

    t.chain(Chain.regular("hostports")
        .rule(Rule.raw("meta nfproto ipv4 dnat ip to ip daddr . meta l4proto . th dport map @addrports4"))
        .rule(Rule.raw("meta nfproto ipv4 dnat ip to meta l4proto . th dport map @ports4"))
        .rule(Rule.raw("meta nfproto ipv6 dnat ip6 to ip6 daddr . meta l4proto . th dport map @addrports6"))
        .rule(Rule.raw("meta nfproto ipv6 dnat ip6 to meta l4proto . th dport map @ports6")));
    t.chain(Chain.natPrerouting("nat_prerouting").rule(Rule.match("fib daddr type local").jump("hostports")));
    t.chain(Chain.natOutput("nat_output").rule(Rule.match("fib daddr type local").jump("hostports")));

    Chain forward = Chain.filterForward("filter_forward", "accept");
    Chain post = Chain.natPostrouting("nat_postrouting");
    for (FirewallModel.Net n : s.nets()) {
      String br = "\"" + n.bridge() + "\"";
      if (!n.icc()) {
        forward.rule(Rule.match("iifname " + br + " oifname " + br).drop());
      }
      if (n.internal()) {
        forward.rule(Rule.match("iifname " + br + " oifname != " + br).drop());
        forward.rule(Rule.match("oifname " + br + " iifname != " + br).drop());
        continue;
      }
      forward.rule(Rule.match("oifname " + br + " ct state established,related").accept());
      forward.rule(Rule.match("oifname " + br + " ct status dnat").accept());
      forward.rule(Rule.match("oifname " + br + " iifname != " + br).drop());
      if (n.masquerade()) {
        if (n.subnet4() != null) {
          post.rule(Rule.match("ip saddr " + n.subnet4() + " oifname != " + br).masquerade());
        }
        if (n.subnet6() != null) {
          post.rule(Rule.match("ip6 saddr " + n.subnet6() + " oifname != " + br).masquerade());
        }
      }
      post.rule(Rule.match("oifname " + br + " ip saddr 127.0.0.0/8").masquerade());
      // Hairpin NAT (Docker's hairpin mode): a container reaching a published port of this network, its own
      // included, through a host address is answered by the gateway's address, so the reply comes back through
      // the host and is un-NAT'ed. Postrouting has no input interface: the subnet on both sides says "from inside".
      if (n.subnet4() != null) {
        post.rule(Rule.match("oifname " + br + " ip saddr " + n.subnet4() + " ip daddr " + n.subnet4()
            + " ct status dnat").masquerade());
      }
      if (n.subnet6() != null) {
        post.rule(Rule.match("oifname " + br + " ip6 saddr " + n.subnet6() + " ip6 daddr " + n.subnet6()
            + " ct status dnat").masquerade());
      }
    }
    t.chain(forward);
    t.chain(post);
    return Ruleset.of(t);
  }
}
