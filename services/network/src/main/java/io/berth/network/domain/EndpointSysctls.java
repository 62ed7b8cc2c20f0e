package io.berth.network.domain;

import io.berth.kit.errors.BerthException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Docker's {@code com.docker.network.endpoint.sysctls} endpoint option: comma-separated
 * {@code net.X.conf.IFNAME.Y=VALUE} settings for the container's interface, {@code IFNAME} standing for its name.
 */
public final class EndpointSysctls {
  public static final String OPTION = "com.docker.network.endpoint.sysctls";

  private EndpointSysctls() {}

  /** The settings for interface {@code ifName}; empty without the option. */
  public static Map<String, String> parse(Map<String, String> driverOpts, String ifName) {
    String raw = driverOpts == null ? null : driverOpts.get(OPTION);
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String item : raw.split(",")) {
      int eq = item.indexOf('=');
      String key = eq < 0 ? item.trim() : item.substring(0, eq).trim();
      if (eq < 0 || !key.matches("net\\.ipv[46]\\.conf\\.IFNAME\\.[a-z0-9_]+")) {
        throw BerthException.invalid("invalid sysctl '%s': only net.ipv4.conf.IFNAME.* and net.ipv6.conf.IFNAME.* "
            + "settings of the endpoint's interface are allowed", item.trim());
      }
      out.put(key.replace("IFNAME", ifName), item.substring(eq + 1).trim());
    }
    return out;
  }
}
