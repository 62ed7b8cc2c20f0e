package io.berth.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel parameters of one network namespace, read and written under {@code /proc/sys} from that namespace's thread
 * ({@code /proc/sys/net} shows the namespace of the thread that opens it). Blocking.
 */
public final class Sysctls {
    private final NetnsHandle netns;

    Sysctls(NetnsHandle netns) {
        this.netns = netns;
    }

    /** Equivalent to: {@code ip netns exec NS sysctl -n KEY}. Keys use dots, e.g. {@code net.ipv4.ip_forward}. */
    public String get(String key) {
        Path file = file(key);
        return netns.call(() -> {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new HostException("sysctl " + key, Errno.ENOENT, e.toString());
            }
        });
    }

    /** Equivalent to: {@code ip netns exec NS sysctl -w KEY=VALUE}. */
    public void set(String key, String value) {
        Path file = file(key);
        netns.run(() -> {
            try {
                Files.writeString(file, value + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new HostException("sysctl -w " + key + "=" + value, Errno.EINVAL, e.toString());
            }
        });
    }

    /** {@code net.ipv4.ip_forward}. */
    public void ipForward(boolean on) {
        set("net.ipv4.ip_forward", on ? "1" : "0");
    }

    /** {@code net.ipv4.conf.IFACE.route_localnet} ({@code all}, {@code default} or a link name). */
    public void routeLocalnet(String iface, boolean on) {
        set("net.ipv4.conf." + iface + ".route_localnet", on ? "1" : "0");
    }

    /** {@code net.ipv6.conf.IFACE.disable_ipv6}. */
    public void disableIpv6(String iface, boolean disabled) {
        set("net.ipv6.conf." + iface + ".disable_ipv6", disabled ? "1" : "0");
    }

    static Path file(String key) {
        if (key.contains("/") || key.contains("..") || key.isBlank()) {
            throw new IllegalArgumentException("invalid sysctl key: " + key);
        }
        // Link names may contain dots (eth0.100); only the known structural prefixes split on dots.
        String[] parts = key.split("\\.");
        if (parts.length >= 5 && parts[0].equals("net") && parts[2].equals("conf")) {
            String iface = String.join(".", java.util.Arrays.copyOfRange(parts, 3, parts.length - 1));
            return Path.of("/proc/sys/net", parts[1], "conf", iface, parts[parts.length - 1]);
        }
        return Path.of("/proc/sys", parts);
    }
}
