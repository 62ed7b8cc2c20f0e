package io.berth.network.domain;

import io.berth.kit.errors.BerthException;
import java.util.Map;
import java.util.Set;

/**
 * The bridge driver's {@code -o} options, validated: {@code com.docker.network.bridge.name}, {@code enable_icc},
 * {@code enable_ip_masquerade}, {@code host_binding_ipv4}, {@code gateway_mode_ipv4/6}, {@code inhibit_ipv4},
 * {@code com.docker.network.driver.mtu}, {@code com.docker.network.container_iface_prefix}. Unknown keys are kept
 * and ignored, as Docker's bridge driver does.
 */
public record BridgeOptions(String bridgeName, boolean icc, boolean masquerade, String hostBindingIpv4, int mtu,
                            String ifacePrefix, boolean inhibitIpv4, String gatewayModeIpv4) {
  public static final String PREFIX = "com.docker.network.bridge.";
  public static final String NAME = PREFIX + "name";
  public static final String ICC = PREFIX + "enable_icc";
  public static final String MASQ = PREFIX + "enable_ip_masquerade";
  public static final String HOST_BINDING = PREFIX + "host_binding_ipv4";
  public static final String GW_MODE4 = PREFIX + "gateway_mode_ipv4";
  public static final String GW_MODE6 = PREFIX + "gateway_mode_ipv6";
  public static final String INHIBIT = PREFIX + "inhibit_ipv4";
  public static final String DEFAULT_BRIDGE = PREFIX + "default_bridge";
  public static final String MTU = "com.docker.network.driver.mtu";
  public static final String IFACE_PREFIX = "com.docker.network.container_iface_prefix";
  private static final Set<String> GW_MODES = Set.of("nat", "nat-unprotected", "routed", "isolated");

  /** Parses and validates; {@code defaultMtu} is daemon.json {@code mtu} (0 = kernel default). */
  public static BridgeOptions parse(Map<String, String> o, int defaultMtu) {
    String name = o.get(NAME);
    if (name != null && (name.isEmpty() || name.length() > 15 || !name.matches("[A-Za-z0-9_.-]+"))) {
      throw BerthException.invalid("invalid bridge name: %s (1-15 characters of letters, digits, '_', '.', '-')",
          name);
    }
    String binding = o.getOrDefault(HOST_BINDING, "0.0.0.0");
    try {
      io.berth.network.ipam.Cidr.literal(binding);
    } catch (RuntimeException e) {
      throw BerthException.invalid("failed to parse %s value: %s", HOST_BINDING, binding);
    }
    int mtu = defaultMtu;
    if (o.containsKey(MTU)) {
      try {
        mtu = Integer.parseInt(o.get(MTU).trim());
      } catch (NumberFormatException e) {
        throw BerthException.invalid("invalid MTU %s: not a number", o.get(MTU));
      }
      if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
        throw BerthException.invalid("invalid MTU number: %d", mtu);
      }
    }
    for (String k : new String[] {GW_MODE4, GW_MODE6}) {
      if (o.containsKey(k) && !GW_MODES.contains(o.get(k))) {
        throw BerthException.invalid("invalid gateway mode: %s", o.get(k));
      }
    }
    String prefix = o.getOrDefault(IFACE_PREFIX, "eth");
    if (prefix.isEmpty() || prefix.length() > 12 || !prefix.matches("[A-Za-z0-9_.-]+")) {
      throw BerthException.invalid("invalid container interface prefix: %s", prefix);
    }
    return new BridgeOptions(name, bool(o, ICC, true), bool(o, MASQ, true), binding, mtu, prefix,
        bool(o, INHIBIT, false), o.getOrDefault(GW_MODE4, "nat"));
  }

  private static boolean bool(Map<String, String> o, String key, boolean dflt) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase()) {
      case "1", "t", "true" -> true;
      case "0", "f", "false" -> false;
      default -> throw BerthException.invalid("failed to parse %s value: invalid syntax: %s", key, v);
    };
  }
}
