package io.berth.logging.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import io.berth.logging.driver.LogDriver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  static final class Capture implements LogDriver {
    final List<LogMessage> messages = new ArrayList<>();
    @Override public String name() { return "capture"; }
    @Override public void log(LogMessage m) { messages.add(m); }
    @Override public void close() { }
  }

  @Test
  void linesAcrossReadsKeepOrderAndLoseNoByte() throws Exception {
    Capture c = new Capture();
    LineSplitter s = new LineSplitter(LogStream.STDOUT, c);
    byte[] data = "one\ntwo\nthr".getBytes();
    s.accept(data, 0, data.length, 1);
    s.accept("ee\n\nfour".getBytes(), 0, 8, 2);
    s.finish();
    assertEquals(List.of("one", "two", "three", "", "four"), c.messages.stream().map(LogMessage::text).toList());
    assertEquals(2, c.messages.get(2).timeNanos(), "a line carries the time its end was read");
    assertTrue(c.messages.stream().allMatch(m -> m.partial() == null));
  }

  @Test
  void aLongLineIsSplitAt16KibWithDockersPartialMetadata() throws Exception {
    Capture c = new Capture();
    LineSplitter s = new LineSplitter(LogStream.STDERR, c);
    byte[] line = new byte[40_000];
    Arrays.fill(line, (byte) 'x');
    byte[] data = Arrays.copyOf(line, line.length + 6);
    data[40_000] = '\n';
    System.arraycopy("next\n".getBytes(), 0, data, 40_001, 5);
    // feed in odd-sized reads
    for (int off = 0; off < data.length; off += 7000) {
      s.accept(data, off, Math.min(7000, data.length - off), off);
    }
    assertEquals(4, c.messages.size());
    LogMessage a = c.messages.get(0);
    LogMessage b = c.messages.get(1);
    LogMessage last = c.messages.get(2);
    assertEquals(16384, a.line().length);
    assertEquals(16384, b.line().length);
    assertEquals(40_000 - 2 * 16384, last.line().length);
    assertEquals(a.partial().id(), last.partial().id());
    assertEquals(List.of(1, 2, 3), List.of(a.partial().ordinal(), b.partial().ordinal(), last.partial().ordinal()));
    assertEquals(List.of(false, false, true), List.of(a.partial().last(), b.partial().last(), last.partial().last()));
    assertEquals("next", c.messages.get(3).text());
    assertNull(c.messages.get(3).partial());
  }
}
