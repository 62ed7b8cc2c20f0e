package io.berth.dns.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container's resolver settings from {@code io.berth.container.created}.
 *
 * @param containerId the container
 * @param name        its name
 * @param node        the node it runs on
 * @param hostname    its hostname; empty = the short id
 * @param domainname  its domain name; may be empty
 * @param servers     {@code --dns}
 * @param search      {@code --dns-search}
 * @param options     {@code --dns-option}
 * @param extraHosts  {@code --add-host} entries, {@code host:ip}
 * @param networks    the networks it asked for, names or ids, in order (the first gives its name server)
 */
public record ContainerDns(String containerId, String name, String node, String hostname, String domainname,
                           List<String> servers, List<String> search, List<String> options,
                           List<String> extraHosts, List<String> networks) {

  /** Docker's {@code --dns-search} rule ({@code opts.ValidateDNSSearch}): letters, digits and inner hyphens. */
  private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?");

  public ContainerDns {
    hostname = hostname == null ? "" : hostname;
    domainname = domainname == null ? "" : domainname;
    servers = servers == null ? List.of() : List.copyOf(servers);
    search = search == null ? List.of() : List.copyOf(search);
    options = options == null ? List.of() : List.copyOf(options);
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
    networks = networks == null ? List.of() : List.copyOf(networks);
  }

  /** The hostname the container sees: its own, else the first 12 characters of its id. */
  public String effectiveHostname() {
    if (!hostname.isEmpty()) {
      return hostname;
    }
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }

  /** Where a network comes in the container's order: its position in {@link #networks}, else after all of them. */
  public int rank(String networkId, String networkName) {
    int byId = networks.indexOf(networkId);
    if (byId >= 0) {
      return byId;
    }
    int byName = networks.indexOf(networkName);
    return byName >= 0 ? byName : networks.size();
  }

  /**
   * The first setting that cannot go into the container's files, as Docker words the refusal, or empty. A line break
   * or a blank in any of them would add lines of its own to {@code resolv.conf} or {@code hosts}.
   */
  public Optional<String> invalidSetting() {
    if (!clean(hostname)) {
      return Optional.of("invalid hostname format: " + hostname);
    }
    if (!clean(domainname)) {
      return Optional.of("invalid domainname format: " + domainname);
    }
    for (String domain : search) {
      if (!".".equals(domain) && !DOMAIN.matcher(domain).matches()) {
        return Optional.of(domain + " is not a valid domain");
      }
    }
    for (String option : options) {
      if (option.isEmpty() || !clean(option)) {
        return Optional.of("invalid DNS option: " + option);
      }
    }
    for (String host : extraHosts) {
      if (!clean(host) || host.indexOf(':') <= 0) {
        return Optional.of("bad format for add-host: \"" + host + "\"");
      }
    }
    return Optional.empty();
  }

  private static boolean clean(String value) {
    return value.chars().allMatch(c -> c > 0x20 && c != 0x7f);
  }

  /** Whether the user set {@code ndots} ({@code --dns-option ndots:N}). */
  public boolean setsNdots() {
    return options.stream().anyMatch(o -> o.startsWith("ndots:"));
  }
}
