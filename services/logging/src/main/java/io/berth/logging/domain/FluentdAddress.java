package io.berth.logging.domain;

import java.net.URI;

/** {@code fluentd-address}: {@code host[:port]}, {@code tcp://host:port} or {@code unix:///path}; default localhost:24224. */
public record FluentdAddress(String protocol, String host, int port, String path) {
  public static final FluentdAddress DEFAULT = new FluentdAddress("tcp", "127.0.0.1", 24224, null);

  public static FluentdAddress parse(String address) {
    if (address == null || address.isEmpty()) return DEFAULT;
    String a = address.contains("://") ? address : "tcp://" + address;
    URI u;
    try {
      u = URI.create(a);
    } catch (IllegalArgumentException e) {
      throw LogConfigValidator.invalid("invalid fluentd-address %s: %s", address, e.getMessage());
    }
    if (u.getScheme().equals("unix")) {
      if (u.getPath() == null || u.getPath().isEmpty()) {
        throw LogConfigValidator.invalid("invalid fluentd-address %s: path is empty", address);
      }
      return new FluentdAddress("unix", null, 0, u.getPath());
    }
    if (!u.getScheme().equals("tcp") && !u.getScheme().equals("tls")) {
      throw LogConfigValidator.invalid("invalid fluentd-address %s: unsupported scheme: '%s'", address, u.getScheme());
    }
    if (u.getPath() != null && !u.getPath().isEmpty()) {
      throw LogConfigValidator.invalid("invalid fluentd-address %s: should not contain a path element", address);
    }
    return new FluentdAddress(u.getScheme(), u.getHost() == null ? "127.0.0.1" : u.getHost(),
        u.getPort() < 0 ? 24224 : u.getPort(), null);
  }
}
