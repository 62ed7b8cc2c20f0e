package io.berth.logging.api;

import io.berth.kit.errors.BerthException;
import io.berth.logging.domain.LogReadRequest;
import io.vertx.core.MultiMap;

/** Parses the query of {@code GET /containers/{id}/logs} the way dockerd does. */
final class LogQuery {
  private LogQuery() {}

  static LogReadRequest parse(MultiMap q) {
    boolean stdout = bool(q.get("stdout"));
    boolean stderr = bool(q.get("stderr"));
    if (!stdout && !stderr) {
      throw new BerthException.InvalidRequest("Bad parameters: you must choose at least one stream");
    }
    return new LogReadRequest(stdout, stderr, bool(q.get("follow")), tail(q.get("tail")), time(q.get("since")),
        time(q.get("until")), bool(q.get("timestamps")), bool(q.get("details")));
  }

  /** Docker's form booleans: absent, "", "0", "false", "no", "off" are false. */
  static boolean bool(String v) {
    if (v == null) return false;
    String s = v.trim().toLowerCase(java.util.Locale.ROOT);
    return !(s.isEmpty() || s.equals("0") || s.equals("false") || s.equals("no") || s.equals("off") || s.equals("none"));
  }

  /** {@code all}, absent, negative or not a number → all (-1). */
  static int tail(String v) {
    if (v == null) return -1;
    try {
      int n = Integer.parseInt(v.trim());
      return n < 0 ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** UNIX time {@code seconds[.nanoseconds]} (the CLI converts durations and RFC 3339); 0 = unset. */
  static long time(String v) {
    if (v == null || v.isEmpty() || v.equals("0")) return 0;
    String[] parts = v.split("\\.", 2);
    try {
      long sec = Long.parseLong(parts[0]);
      long nanos = 0;
      if (parts.length == 2) {
        String frac = (parts[1] + "000000000").substring(0, 9);
        nanos = Long.parseLong(frac);
      }
      return sec * 1_000_000_000L + nanos;
    } catch (NumberFormatException e) {
      throw BerthException.invalid("failed to parse value %s as a timestamp", v);
    }
  }
}
