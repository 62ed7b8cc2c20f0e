package io.berth.logging.driver.syslog;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The message formats of Docker's syslog driver (srslog): empty = Unix local format {@code <PRI>Mmm _d hh:mm:ss
 * TAG[PID]: MSG}; {@code rfc3164} adds the hostname; {@code rfc5424} is {@code <PRI>1 RFC3339 HOST TAG PID TAG - MSG}
 * (APP-NAME and MSGID are the tag), {@code rfc5424micro} with microseconds. Every message ends with a newline; with
 * {@code tcp+tls} and RFC 5424 the frame is RFC 5425 octet counting. Severity: stdout info (6), stderr err (3).
 */
public final class SyslogFormat {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339_MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);

  private final String format;
  private final int facility;
  private final String hostname;
  private final String tag;
  private final long pid;
  private final boolean octetCounting;

  public SyslogFormat(String format, int facility, String hostname, String tag, long pid, boolean octetCounting) {
    this.format = format == null ? "" : format;
    this.facility = facility;
    this.hostname = hostname;
    this.tag = tag;
    this.pid = pid;
    this.octetCounting = octetCounting && this.format.startsWith("rfc5424");
  }

  private long cachedSecond = Long.MIN_VALUE;
  private String cachedStamp;
  private String cachedRfc3339;

  public byte[] encode(LogMessage m) {
    int priority = facility * 8 + (m.stream() == LogStream.STDERR ? 3 : 6);
    Instant t = Instant.ofEpochSecond(0, m.timeNanos());
    if (t.getEpochSecond() != cachedSecond && !format.equals("rfc5424micro")) {
      cachedSecond = t.getEpochSecond();
      cachedStamp = STAMP.format(t);
      cachedRfc3339 = RFC3339.format(t);
    }
    String msg = m.text();
    String text = switch (format) {
      case "rfc3164" -> "<" + priority + ">" + cachedStamp + " " + hostname + " " + tag + "[" + pid + "]: " + msg;
      case "rfc5424" -> "<" + priority + ">1 " + cachedRfc3339 + " " + hostname + " " + tag + " " + pid + " "
          + tag + " - " + msg;
      case "rfc5424micro" -> "<" + priority + ">1 " + micro(t) + " " + hostname + " " + tag + " " + pid + " " + tag
          + " - " + msg;
      default -> "<" + priority + ">" + cachedStamp + " " + tag + "[" + pid + "]: " + msg;
    };
    if (!text.endsWith("\n")) text += "\n";
    if (octetCounting) {
      text = text.getBytes(StandardCharsets.UTF_8).length + " " + text;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String micro(Instant t) {
    // Go's "2006-01-02T15:04:05.999999Z07:00" drops trailing zeros of the fraction.
    String s = RFC3339_MICRO.format(t);
    int dot = s.indexOf('.');
    int z = s.indexOf('Z', dot);
    String frac = s.substring(dot + 1, z).replaceAll("0+$", "");
    return s.substring(0, dot) + (frac.isEmpty() ? "" : "." + frac) + s.substring(z);
  }
}
