package io.berth.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLanesTest {

  @Test
  void atMostLimitRunAndTheRestStartInArrivalOrder() {
    KeyLanes lanes = new KeyLanes(2);
    List<Promise<Void>> work = new ArrayList<>();
    List<Integer> started = new ArrayList<>();
    List<Future<Void>> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      Promise<Void> p = Promise.promise();
      work.add(p);
      outcomes.add(lanes.submit(() -> {
        started.add(n);
        return p.future();
      }));
    }
    assertEquals(List.of(0, 1), started);
    work.get(1).fail("boom");
    assertEquals(List.of(0, 1, 2), started, "a failure frees its slot too");
    assertTrue(outcomes.get(1).failed());
    work.get(0).complete();
    work.get(2).complete();
    assertEquals(List.of(0, 1, 2, 3, 4), started);
    work.get(3).complete();
    work.get(4).complete();
    assertTrue(outcomes.stream().filter(Future::succeeded).count() == 4);
  }

  @Test
  void aThrowingSupplierFailsItsOutcomeAndFreesTheSlot() {
    KeyLanes lanes = new KeyLanes(1);
    Future<Void> thrown = lanes.submit(() -> {
      throw new IllegalStateException("bad");
    });
    assertTrue(thrown.failed());
    assertTrue(lanes.submit(Future::succeededFuture).succeeded());
    assertThrows(IllegalArgumentException.class, () -> new KeyLanes(0));
  }
}
