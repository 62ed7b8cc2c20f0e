package io.berth.kit.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TeardownTest {
  private final List<String> ran = new ArrayList<>();

  private Supplier<Future<Void>> ok(String name) {
    return () -> {
      ran.add(name);
      return Future.succeededFuture();
    };
  }

  private Supplier<Future<Void>> failing(String name, String message) {
    return () -> {
      ran.add(name);
      return Future.failedFuture(new IllegalStateException(message));
    };
  }

  @Test
  void everyStepRunsInOrderAndEveryErrorIsReported() {
    Future<Void> done = new Teardown("network web removal")
        .then("firewall", failing("firewall", "nft: table busy"))
        .then("ip link delete br-1", () -> {
          ran.add("link");
          throw new IllegalStateException("EBUSY");
        })
        .then("forget", ok("forget"))
        .run();
    assertEquals(List.of("firewall", "link", "forget"), ran, "a failure stops nothing");
    StepsFailed e = assertInstanceOf(StepsFailed.class, done.cause());
    assertEquals("network web removal failed: firewall: nft: table busy; ip link delete br-1: EBUSY", e.getMessage());
    assertEquals(List.of("firewall: nft: table busy", "ip link delete br-1: EBUSY"), e.errors());
    assertEquals("nft: table busy", e.getCause().getMessage(), "the first failure is the cause");
    assertEquals("EBUSY", e.getSuppressed()[0].getMessage(), "the others are suppressed");
  }

  @Test
  void aCleanTeardownSucceeds() {
    Future<Void> done = new Teardown("x").then("a", ok("a")).then("b", ok("b")).run();
    assertTrue(done.succeeded());
    assertEquals(List.of("a", "b"), ran);
  }

  @Test
  void eachStepWaitsForThePreviousOne() {
    Promise<Void> leave = Promise.promise();
    Future<List<String>> errors = new Teardown("sandbox c1").then("leave", () -> {
      ran.add("leave");
      return leave.future();
    }).then("ip netns delete c1", ok("netns")).collect();
    assertEquals(List.of("leave"), ran, "the namespace stays until the endpoint has left");
    assertFalse(errors.isComplete());
    leave.fail("ENODEV");
    assertEquals(List.of("leave", "netns"), ran);
    assertEquals(List.of("leave: ENODEV"), errors.result(), "collect gives the errors and never fails");
  }

  @Test
  void stepsRunOnce() {
    Teardown t = new Teardown("x").then("a", ok("a"));
    t.run();
    t.run();
    assertEquals(List.of("a"), ran);
  }
}
