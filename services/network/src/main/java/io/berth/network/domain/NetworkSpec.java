package io.berth.network.domain;

import io.berth.kit.errors.BerthException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code POST /networks/create} request, checked for what can be checked without state.
 *
 * @param name        the name
 * @param driver      the driver ({@code bridge} when empty)
 * @param internal    {@code --internal}
 * @param attachable  {@code --attachable}
 * @param ingress     {@code --ingress}
 * @param configOnly  {@code --config-only}
 * @param enableIpv4  {@code --ipv4} (default true)
 * @param enableIpv6  {@code --ipv6}
 * @param ipamDriver  {@code --ipam-driver} ({@code default})
 * @param ipam        requested pools
 * @param ipamOptions {@code --ipam-opt}
 * @param options     {@code -o}
 * @param labels      {@code --label}
 */
public record NetworkSpec(String name, String driver, boolean internal, boolean attachable, boolean ingress,
                          boolean configOnly, boolean enableIpv4, boolean enableIpv6, String ipamDriver,
                          List<IpamConfig> ipam, Map<String, String> ipamOptions, Map<String, String> options,
                          Map<String, String> labels) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  /** Names the node creates itself. */
  public static final List<String> PREDEFINED = List.of("bridge", "host", "none");

  public NetworkSpec {
    driver = driver == null || driver.isEmpty() ? "bridge" : driver;
    ipamDriver = ipamDriver == null || ipamDriver.isEmpty() ? "default" : ipamDriver;
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    ipamOptions = ipamOptions == null ? Map.of() : Map.copyOf(ipamOptions);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Checks the name and the fields no driver accepts. */
  public NetworkSpec validate() {
    if (name == null || name.isEmpty()) {
      throw BerthException.invalid("network name is required");
    }
    if (!NAME.matcher(name).matches()) {
      throw BerthException.invalid("invalid network name %s: only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", name);
    }
    if (PREDEFINED.contains(name) || name.equals("default")) {
      throw BerthException.conflict("network with name %s already exists", name);
    }
    if (!ipamDriver.equals("default")) {
      throw BerthException.notFound("plugin \"%s\" not found", ipamDriver);
    }
    if (configOnly || ingress) {
      throw BerthException.invalid("%s networks are not supported by this node", configOnly ? "config-only" : "ingress");
    }
    if (!enableIpv4 && !enableIpv6) {
      throw BerthException.invalid("IPv4 or IPv6 must be enabled");
    }
    return this;
  }
}
