package io.berth.kit.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {

  @Test
  void oneKeyRunsInOrderOtherKeysDoNotWait() {
    KeyedLanes lanes = new KeyedLanes();
    List<String> started = new ArrayList<>();
    Promise<Void> a1 = Promise.promise();
    Promise<Void> a2 = Promise.promise();
    Future<Void> first = lanes.run("a", () -> {
      started.add("a1");
      return a1.future();
    });
    Future<Void> second = lanes.run("a", () -> {
      started.add("a2");
      return a2.future();
    });
    lanes.run("b", () -> {
      started.add("b1");
      return Future.succeededFuture();
    });
    assertEquals(List.of("a1", "b1"), started, "b does not wait for a");
    assertEquals(1, lanes.busyKeys());
    a1.fail("boom");
    assertTrue(first.failed());
    assertEquals(List.of("a1", "b1", "a2"), started, "a failure does not stop its lane");
    a2.complete();
    assertTrue(second.succeeded());
    assertEquals(0, lanes.busyKeys(), "idle lanes are forgotten");
  }

  @Test
  void aThrowingSupplierFailsItsOutcomeAndTheLaneGoesOn() {
    KeyedLanes lanes = new KeyedLanes();
    Future<Void> thrown = lanes.run("k", () -> {
      throw new IllegalStateException("bad");
    });
    assertTrue(thrown.failed());
    assertTrue(lanes.run("k", Future::succeededFuture).succeeded());
  }
}
