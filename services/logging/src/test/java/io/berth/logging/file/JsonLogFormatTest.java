package io.berth.logging.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.PartialMeta;
import io.berth.logging.domain.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json-file lines compared byte for byte with what moby's jsonlog marshaller writes for the same message. */
class JsonLogFormatTest {
  private static final long T = Rfc3339.parse("2026-11-27T18:12:18.884754240Z");

  private static String encode(JsonLogFormat f, LogMessage m) {
    ByteBuf b = new ByteBuf(16);
    f.encode(m, b);
    return new String(b.toArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aPlainLineIsDockersLineWithTrimmedNanoseconds() {
    assertEquals("{\"log\":\"hello world\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-27T18:12:18.88475424Z\"}\n",
        encode(new JsonLogFormat(null), LogMessage.of(LogStream.STDOUT, "hello world", T)));
  }

  @Test
  void wholeSecondsHaveNoFractionAndStderrIsNamed() {
    long t = Rfc3339.parse("2026-01-02T03:04:00Z");
    assertEquals("{\"log\":\"x\\n\",\"stream\":\"stderr\",\"time\":\"2026-01-02T03:04:00Z\"}\n",
        encode(new JsonLogFormat(null), LogMessage.of(LogStream.STDERR, "x", t)));
  }

  @Test
  void escapingFollowsGoJsonlogBytes() {
    byte[] line = "a<b>&\"\\\t\r\u2028\u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] withBad = new byte[line.length + 1];
    System.arraycopy(line, 0, withBad, 0, line.length);
    withBad[line.length] = (byte) 0xff;
    String expected = "{\"log\":\"a\\u003cb\\u003e\\u0026\\\"\\\\\\u0009\\r\\u2028\u00e9\\ufffd\\n\",\"stream\":\"stdout\","
        + "\"time\":\"2026-11-27T18:12:18.88475424Z\"}\n";
    assertEquals(expected, encode(new JsonLogFormat(null), new LogMessage(LogStream.STDOUT, withBad, T, null)));
  }

  @Test
  void attrsComeBetweenStreamAndTimeAndPartialPiecesHaveNoNewline() {
    JsonLogFormat f = new JsonLogFormat("{\"tag\":\"web\"}");
    LogMessage piece = new LogMessage(LogStream.STDOUT, "abc".getBytes(), T, new PartialMeta("p", 1, false));
    assertEquals("{\"log\":\"abc\",\"stream\":\"stdout\",\"attrs\":{\"tag\":\"web\"},"
        + "\"time\":\"2026-11-27T18:12:18.88475424Z\"}\n", encode(f, piece));
    LogMessage last = new LogMessage(LogStream.STDOUT, "def".getBytes(), T, new PartialMeta("p", 2, true));
    assertEquals("{\"log\":\"def\\n\",\"stream\":\"stdout\",\"attrs\":{\"tag\":\"web\"},"
        + "\"time\":\"2026-11-27T18:12:18.88475424Z\"}\n", encode(f, last));
  }

  @Test
  void decodingGivesBackLineStreamTimeAndPartiality() {
    JsonLogFormat f = new JsonLogFormat("{\"a\":\"b\"}");
    ByteBuf b = new ByteBuf(16);
    f.encode(LogMessage.of(LogStream.STDERR, "one <1>", T), b);
    f.encode(new LogMessage(LogStream.STDOUT, "two".getBytes(), T + 1, new PartialMeta("x", 1, false)), b);
    List<LogMessage> out = new ArrayList<>();
    int used = f.decode(b.array(), b.size() + 0, out);
    assertEquals(b.size(), used);
    assertEquals("one <1>", out.get(0).text());
    assertEquals(LogStream.STDERR, out.get(0).stream());
    assertEquals(T, out.get(0).timeNanos());
    assertNull(out.get(0).partial());
    assertArrayEquals("two".getBytes(), out.get(1).line());
    assertEquals(false, out.get(1).endsLine());
  }

  @Test
  void fixedTimestampsKeepNineDigits() {
    assertEquals("2026-11-27T18:12:18.884754240Z", new Rfc3339().format(T, true));
    assertEquals("2026-11-27T18:12:18.000000000Z", new Rfc3339().format(Rfc3339.parse("2026-11-27T18:12:18Z"), true));
  }
}
