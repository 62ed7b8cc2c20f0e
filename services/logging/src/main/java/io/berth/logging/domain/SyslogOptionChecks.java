package io.berth.logging.domain;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The syslog driver's option checks, with Docker's messages ({@code parseAddress}, facility, format). */
public final class SyslogOptionChecks {
  public static final Map<String, Integer> FACILITIES = Map.ofEntries(
      Map.entry("kern", 0), Map.entry("user", 1), Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4),
      Map.entry("syslog", 5), Map.entry("lpr", 6), Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9),
      Map.entry("authpriv", 10), Map.entry("ftp", 11), Map.entry("local0", 16), Map.entry("local1", 17),
      Map.entry("local2", 18), Map.entry("local3", 19), Map.entry("local4", 20), Map.entry("local5", 21),
      Map.entry("local6", 22), Map.entry("local7", 23));

  private SyslogOptionChecks() {}

  static void check(Map<String, String> opts) {
    String address = opts.get("syslog-address");
    if (address != null && !address.isEmpty()) address(address);
    facility(opts.get("syslog-facility"));
    String format = opts.get("syslog-format");
    if (format != null && !format.isEmpty() && !Set.of("rfc3164", "rfc5424", "rfc5424micro").contains(format)) {
      throw LogConfigValidator.invalid("Invalid syslog format");
    }
    String skip = opts.get("syslog-tls-skip-verify");
    if (skip != null && LogConfigValidator.parseBool(skip) == null) {
      throw LogConfigValidator.invalid(LogConfigValidator.syntax("ParseBool", skip));
    }
  }

  /** Parses {@code proto://host[:port]} (port 514 by default) or {@code unix[gram]://path} (path must exist). */
  public static URI address(String address) {
    URI uri = LogConfigValidator.transportUri(address, "syslog-address");
    String scheme = uri.getScheme();
    if (scheme.equals("unix") || scheme.equals("unixgram")) {
      if (!Files.exists(Path.of(uri.getPath()))) {
        throw LogConfigValidator.invalid("stat %s: no such file or directory", uri.getPath());
      }
      return uri;
    }
    if (!Set.of("udp", "tcp", "tcp+tls").contains(scheme)) {
      throw LogConfigValidator.invalid("unsupported scheme: '%s'", scheme);
    }
    if (uri.getHost() == null) {
      throw LogConfigValidator.invalid("syslog-address should be in form proto://address, got %s", address);
    }
    return uri;
  }

  /** A facility name or number 0–23; default {@code daemon}. */
  public static int facility(String value) {
    if (value == null || value.isEmpty()) return 3;
    Integer named = FACILITIES.get(value);
    if (named != null) return named;
    try {
      int n = Integer.parseInt(value);
      if (n >= 0 && n <= 23) return n;
    } catch (NumberFormatException ignored) {
      // fall through to Docker's message
    }
    throw LogConfigValidator.invalid("invalid syslog facility");
  }
}
