package io.berth.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  @Test
  void theCommitNeverPassesARecordStillRunning() {
    PartitionProgress p = new PartitionProgress();
    assertEquals(-1, p.committable(), "nothing handed out: nothing to commit");
    p.handedOut(10);
    p.handedOut(11);
    p.handedOut(12);
    assertEquals(10, p.committable());
    p.finished(11);
    p.finished(12);
    assertEquals(10, p.committable(), "10 still runs");
    p.finished(10);
    assertEquals(13, p.committable(), "all finished: after the last");
    p.handedOut(13);
    assertEquals(13, p.committable());
  }
}
