package io.berth.logging.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.logging.domain.LogMessage;
import io.berth.logging.domain.LogStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  @TempDir Path dir;

  @Test
  void deliversInOrderAcrossSegmentsAndDeletesDeliveredOnes() throws Exception {
    DiskSpool spool = new DiskSpool(dir, "s", 1L << 30);
    byte[] line = new byte[1000];
    int n = 40_000; // ~40 MB: three segments
    for (int i = 0; i < n; i++) {
      String head = "m" + i + " ";
      System.arraycopy(head.getBytes(), 0, line, 0, head.length());
      assertTrue(spool.add(new LogMessage(LogStream.STDOUT, line.clone(), i, null)));
      if (i % 500 == 0) spool.flush();
    }
    spool.flush();
    try (var s = Files.list(dir)) {
      assertTrue(s.count() >= 3, "segmented");
    }
    int next = 0;
    while (!spool.isEmpty()) {
      List<LogMessage> batch = spool.peek(1000);
      for (LogMessage m : batch) assertEquals(next++, m.timeNanos());
      spool.commit(batch.size());
    }
    assertEquals(n, next);
    try (var s = Files.list(dir)) {
      assertEquals(1, s.filter(p -> p.toString().endsWith(".spool")).count(), "delivered segments are deleted");
    }
  }

  @Test
  void refusesWhatDoesNotFitAndAcceptsAgainOnceDelivered() throws Exception {
    DiskSpool spool = new DiskSpool(dir, "b", 10_000);
    int accepted = 0;
    for (int i = 0; i < 1000; i++) {
      if (spool.add(LogMessage.of(LogStream.STDERR, "line " + i, i))) accepted++;
      spool.flush();
    }
    assertTrue(accepted > 100 && accepted < 1000, "bounded: " + accepted);
    assertFalse(spool.add(LogMessage.of(LogStream.STDERR, "x".repeat(100), 0)));
    List<LogMessage> all = spool.peek(10_000);
    assertEquals(accepted, all.size());
    spool.commit(all.size());
    assertTrue(spool.add(LogMessage.of(LogStream.STDERR, "again", 0)));
  }

  @Test
  void whatIsNotDeliveredSurvivesARestartFromWhereDeliveryStood() throws Exception {
    DiskSpool spool = new DiskSpool(dir, "r", 1L << 30);
    for (int i = 0; i < 100; i++) spool.add(LogMessage.of(LogStream.STDOUT, "m" + i, i));
    spool.flush();
    List<LogMessage> first = spool.peek(30);
    spool.commit(first.size());
    spool.add(LogMessage.of(LogStream.STDOUT, "m100", 100));
    spool.suspend();
    DiskSpool again = new DiskSpool(dir, "r", 1L << 30);
    assertEquals(71, again.count());
    List<LogMessage> rest = again.peek(1000);
    assertEquals(71, rest.size());
    assertEquals("m30", rest.get(0).text());
    assertEquals("m100", rest.get(70).text());
    again.commit(rest.size());
    again.close();
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "a closed spool leaves nothing");
    }
  }
}
