package io.berth.dns.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container's {@code resolv.conf}, {@code hosts} and {@code hostname} say, decided from its settings, its
 * endpoints and the node's defaults.
 *
 * <p>On a user-defined network the name server is the embedded resolver on the gateway of the container's first
 * name-resolving network, with {@code ndots:0} unless the user set {@code ndots}; on the default bridge (no name
 * resolution) the container gets the upstream servers themselves.
 *
 * @param resolvConf the resolv.conf content
 * @param hosts      the hosts file text
 * @param hostname   the hostname file text
 */
public record SandboxFiles(ResolvConf resolvConf, String hosts, String hostname) {

  /** Docker's fallback when the node has no usable server (written into files only; berth never queries it). */
  static final List<String> FALLBACK_SERVERS = List.of("8.8.8.8", "8.8.4.4");

  /**
   * Decides the files.
   *
   * @param container   the container's settings
   * @param endpoints   its endpoints, in attach order
   * @param resolverIp  the embedded resolver's address for it (the gateway of its first name-resolving network), or
   *                    null when it is on no such network
   * @param node        the node defaults
   */
  public static SandboxFiles decide(ContainerDns container, List<EndpointRecord> endpoints, InetAddress resolverIp,
                                    NodeResolverSettings node) {
    List<String> search = !container.search().isEmpty() ? container.search()
        : !node.daemonSearch().isEmpty() ? node.daemonSearch() : node.host().search();
    List<String> userOptions = !container.options().isEmpty() ? container.options() : node.daemonOptions();
    ResolvConf rc;
    if (resolverIp != null) {
      List<String> options = new ArrayList<>(userOptions);
      if (options.stream().noneMatch(o -> o.startsWith("ndots:"))) {
        options.add("ndots:0");
      }
      rc = new ResolvConf(List.of(Addresses.text(resolverIp)), search, options);
    } else {
      List<String> servers = Upstreams.choose(container, node).stream().map(Addresses::text).toList();
      List<String> options = userOptions.isEmpty() ? node.host().options() : userOptions;
      rc = new ResolvConf(servers.isEmpty() ? FALLBACK_SERVERS : servers, search, options);
    }
    return new SandboxFiles(rc, hosts(container, endpoints), container.effectiveHostname() + "\n");
  }

  private static String hosts(ContainerDns c, List<EndpointRecord> endpoints) {
    StringBuilder sb = new StringBuilder();
    sb.append("127.0.0.1\tlocalhost\n");
    sb.append("::1\tlocalhost ip6-localhost ip6-loopback\n");
    sb.append("fe00::\tip6-localnet\n");
    sb.append("ff00::\tip6-mcastprefix\n");
    sb.append("ff02::1\tip6-allnodes\n");
    sb.append("ff02::2\tip6-allrouters\n");
    for (String extra : c.extraHosts()) {
      int colon = extra.indexOf(':');
      if (colon > 0) {
        sb.append(extra.substring(colon + 1)).append('\t').append(extra, 0, colon).append('\n');
      }
    }
    String names = ownNames(c);
    for (EndpointRecord e : endpoints) {
      if (e.ipv4Address() != null) {
        sb.append(Addresses.text(e.ipv4Address())).append('\t').append(names).append('\n');
      }
      if (e.ipv6Address() != null) {
        sb.append(Addresses.text(e.ipv6Address())).append('\t').append(names).append('\n');
      }
    }
    return sb.toString();
  }

  /** {@code host.domain host name}: the hostname (qualified when there is a domain) and the container name. */
  private static String ownNames(ContainerDns c) {
    List<String> names = new ArrayList<>();
    String host = c.effectiveHostname();
    if (!c.domainname().isEmpty()) {
      names.add(host + "." + c.domainname());
    }
    names.add(host);
    if (c.name() != null && !c.name().isEmpty() && !names.contains(c.name())) {
      names.add(c.name());
    }
    return String.join(" ", names);
  }
}
