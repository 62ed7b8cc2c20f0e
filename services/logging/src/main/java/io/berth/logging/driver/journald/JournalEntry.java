package io.berth.logging.driver.journald;

import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.file.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One entry in the journal's native protocol (systemd {@code journal-native-protocol}): {@code KEY=value\n}, or for a
 * value holding a newline {@code KEY\n<u64 LE length><value>\n}. Fields as Docker's journald driver writes them:
 * {@code MESSAGE}, {@code PRIORITY} (6 stdout, 3 stderr), {@code CONTAINER_ID}, {@code CONTAINER_ID_FULL},
 * {@code CONTAINER_NAME}, {@code CONTAINER_TAG}, {@code SYSLOG_IDENTIFIER}, {@code IMAGE_NAME},
 * {@code SYSLOG_TIMESTAMP}, the {@code CONTAINER_PARTIAL_*} fields and labels/env with keys upper-cased.
 */
public final class JournalEntry {
  private final Map<String, String> fixed = new LinkedHashMap<>();
  private final Rfc3339 time = new Rfc3339();

  public JournalEntry(ContainerInfo c, String tag, Map<String, String> attrs) {
    fixed.put("CONTAINER_ID", c.shortId());
    fixed.put("CONTAINER_ID_FULL", c.id());
    fixed.put("CONTAINER_NAME", c.name());
    fixed.put("CONTAINER_TAG", tag);
    fixed.put("IMAGE_NAME", c.image());
    fixed.put("SYSLOG_IDENTIFIER", tag);
    attrs.forEach((k, v) -> fixed.put(sanitize(k), v));
  }

  /** Docker's key rule: upper case, anything but letters, digits and '_' becomes '_', no leading '_'. */
  static String sanitize(String key) {
    String k = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    return k.replaceFirst("^_+", "");
  }

  public void encode(LogMessage m, ByteBuf out) {
    field(out, "MESSAGE", m.line());
    field(out, "PRIORITY", m.stream() == LogStream.STDERR ? "3" : "6");
    fixed.forEach((k, v) -> field(out, k, v));
    field(out, "SYSLOG_TIMESTAMP", time.format(m.timeNanos(), false));
    if (m.partial() != null) {
      field(out, "CONTAINER_PARTIAL_MESSAGE", "true");
      field(out, "CONTAINER_PARTIAL_ID", m.partial().id());
      field(out, "CONTAINER_PARTIAL_ORDINAL", Integer.toString(m.partial().ordinal()));
      field(out, "CONTAINER_PARTIAL_LAST", Boolean.toString(m.partial().last()));
    }
  }

  private static void field(ByteBuf out, String key, String value) {
    field(out, key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(ByteBuf out, String key, byte[] value) {
    out.putAscii(key);
    boolean binary = false;
    for (byte b : value) {
      if (b == '\n') {
        binary = true;
        break;
      }
    }
    if (!binary) {
      out.put('=');
      out.put(value);
    } else {
      out.put('\n');
      long n = value.length;
      for (int i = 0; i < 8; i++) out.put((int) (n >>> (8 * i)));
      out.put(value);
    }
    out.put('\n');
  }
}
