package io.berth.dns.domain;

import java.util.List;

/**
 * The node-wide resolver defaults: daemon.json {@code dns}, {@code dns-search}, {@code dns-opts}, and the node's own
 * {@code /etc/resolv.conf}.
 *
 * @param daemonServers daemon.json {@code dns}
 * @param daemonSearch  daemon.json {@code dns-search}
 * @param daemonOptions daemon.json {@code dns-opts}
 * @param host          the node's {@code /etc/resolv.conf}
 */
public record NodeResolverSettings(List<String> daemonServers, List<String> daemonSearch, List<String> daemonOptions,
                                   ResolvConf host) {

  public NodeResolverSettings {
    daemonServers = daemonServers == null ? List.of() : List.copyOf(daemonServers);
    daemonSearch = daemonSearch == null ? List.of() : List.copyOf(daemonSearch);
    daemonOptions = daemonOptions == null ? List.of() : List.copyOf(daemonOptions);
    host = host == null ? ResolvConf.EMPTY : host;
  }
}
