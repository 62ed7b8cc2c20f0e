package io.berth.kit.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * One address the Docker API listens on ({@code hosts} / {@code -H}): {@code unix:///path} or {@code tcp://host:port}.
 * A TCP address without a port gets dockerd's: 2376 when TLS is on, 2375 otherwise.
 */
public record ApiHost(String value, Path socket, String host, int port) {
  public static final int DEFAULT_PORT = 2375;
  public static final int DEFAULT_TLS_PORT = 2376;

  /** Parses one {@code hosts} entry; {@code tls} picks the default port. */
  public static ApiHost parse(String value, boolean tls) {
    if (value.startsWith("unix://")) {
      String path = value.substring("unix://".length());
      if (!path.startsWith("/")) throw invalid(value);
      return new ApiHost(value, Path.of(path), null, 0);
    }
    if (!value.startsWith("tcp://")) throw invalid(value);
    String address = value.substring("tcp://".length());
    if (address.endsWith("/")) address = address.substring(0, address.length() - 1);
    String host;
    String port = "";
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0) throw invalid(value);
      host = address.substring(1, close);
      String rest = address.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) throw invalid(value);
      port = rest.isEmpty() ? "" : rest.substring(1);
    } else {
      int colon = address.lastIndexOf(':');
      host = colon < 0 ? address : address.substring(0, colon);
      port = colon < 0 ? "" : address.substring(colon + 1);
    }
    if (host.isEmpty()) host = "localhost";
    if (host.contains("/")) throw invalid(value);
    int p = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    if (!port.isEmpty()) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw invalid(value);
      }
      if (p < 0 || p > 65535) throw invalid(value);
    }
    return new ApiHost(value, null, host, p);
  }

  public boolean isUnix() {
    return socket != null;
  }

  public boolean isTcp() {
    return socket == null;
  }

  /**
   * Whether a TCP address only reaches this machine: {@code localhost}, a loopback address, or a name that resolves
   * to loopback addresses only (dockerd looks names up the same way).
   */
  public boolean isLoopback() {
    if (isUnix() || "localhost".equals(host)) return true;
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress a : all) {
        if (!a.isLoopbackAddress()) return false;
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static ConfigException invalid(String value) {
    return new ConfigException("invalid value for 'hosts': " + value + " (unix:///path or tcp://host:port)");
  }

  @Override
  public String toString() {
    return value;
  }
}
