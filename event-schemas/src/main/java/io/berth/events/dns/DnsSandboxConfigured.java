package io.berth.events.dns;

import io.berth.events.Defaults;
import io.berth.events.NodeScoped;
import java.util.List;

/**
 * {@code io.berth.dns.sandbox.configured}: a container's resolver files are written.
 *
 * @param containerId    the container
 * @param node           the node
 * @param resolvConfPath its {@code resolv.conf}
 * @param hostsPath      its {@code hosts}
 * @param hostnamePath   its {@code hostname}
 * @param nameservers    the {@code nameserver} lines (the embedded resolver on user-defined networks)
 * @param search         the {@code search} domains
 * @param options        the {@code options}
 */
public record DnsSandboxConfigured(String containerId, String node, String resolvConfPath, String hostsPath,
                                   String hostnamePath, List<String> nameservers, List<String> search,
                                   List<String> options) implements NodeScoped {

  public DnsSandboxConfigured {
    nameservers = Defaults.list(nameservers);
    search = Defaults.list(search);
    options = Defaults.list(options);
  }
}
