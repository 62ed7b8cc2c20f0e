package io.berth.events.container;

import io.berth.events.Defaults;
import java.util.List;

/**
 * The container's resolver settings.
 *
 * @param servers upstream name servers ({@code --dns}); empty = the node's
 * @param search  search domains ({@code --dns-search})
 * @param options resolver options ({@code --dns-option}, e.g. {@code ndots:2})
 */
public record DnsConfig(List<String> servers, List<String> search, List<String> options) {

  /** No container-specific settings. */
  public static final DnsConfig NONE = new DnsConfig(List.of(), List.of(), List.of());

  public DnsConfig {
    servers = Defaults.list(servers);
    search = Defaults.list(search);
    options = Defaults.list(options);
  }
}
