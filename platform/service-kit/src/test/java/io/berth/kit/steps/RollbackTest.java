package io.berth.kit.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.kit.errors.BerthException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RollbackTest {
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

  private static Throwable failure(Future<?> f) {
    assertTrue(f.failed(), "the rollback fails");
    return f.cause();
  }

  @Test
  void undosRunNewestFirst() {
    Rollback undo = new Rollback().add("a", ok("a")).add("b", ok("b"));
    undo.add("c", ok("c"));
    assertEquals(3, undo.size());
    undo.rollback(new IllegalStateException("boom"));
    assertEquals(List.of("c", "b", "a"), ran);
    assertEquals(0, undo.size());
  }

  @Test
  void eachUndoWaitsForTheNewerOneToFinish() {
    Promise<Void> slow = Promise.promise();
    Rollback undo = new Rollback().add("older", ok("older")).add("newer", () -> {
      ran.add("newer");
      return slow.future();
    });
    Future<Object> done = undo.rollback(new IllegalStateException("boom"));
    assertEquals(List.of("newer"), ran, "the older undo waits");
    assertFalse(done.isComplete());
    slow.complete();
    assertEquals(List.of("newer", "older"), ran);
    assertTrue(done.failed());
  }

  @Test
  void everyUndoRunsAndTheFailureCarriesAllErrors() {
    Rollback undo = new Rollback()
        .add("release 10.0.0.2", failing("release", "map timeout"))
        .add("ip netns delete c1", () -> {
          ran.add("netns");
          throw new IllegalStateException("EBUSY");
        })
        .add("leave vb1", () -> {
          ran.add("leave");
          return null;
        })
        .add("in flight vb1", ok("in flight"));
    Throwable e = failure(undo.rollback(new RuntimeException("join failed")));
    assertEquals(List.of("in flight", "leave", "netns", "release"), ran, "a failed or broken undo stops nothing");
    assertInstanceOf(BerthException.Internal.class, e);
    assertEquals("join failed; undo leave vb1: gave no future; undo ip netns delete c1: EBUSY; "
        + "undo release 10.0.0.2: map timeout", e.getMessage());
  }

  @Test
  void aRefusalWithNothingLeftKeepsItsTypeAndText() {
    for (BerthException refusal : List.of(BerthException.invalid("invalid port"),
        BerthException.forbidden("endpoint exists"), BerthException.notFound("network x not found"),
        BerthException.conflict("Address already in use"), new BerthException.Unavailable("map not ready"),
        new BerthException.Internal("bug"))) {
      Rollback undo = new Rollback().add("release", ok("release"));
      assertSame(refusal, failure(undo.rollback(refusal)), refusal.getMessage());
    }
  }

  @Test
  void aRefusalWhoseUndoFailedKeepsItsStatusWithEveryMessage() {
    List<BerthException> refusals = List.of(BerthException.invalid("invalid port"),
        BerthException.forbidden("endpoint exists"), BerthException.notFound("network x not found"),
        BerthException.conflict("Address already in use"));
    for (BerthException refusal : refusals) {
      Rollback undo = new Rollback().add("release", failing("release", "timeout"));
      Throwable e = failure(undo.rollback(refusal));
      assertInstanceOf(refusal.getClass(), e);
      assertEquals(refusal.status(), ((BerthException) e).status());
      assertEquals(refusal.getMessage() + "; undo release: timeout", e.getMessage());
      assertTrue(e.getCause() == refusal || List.of(e.getSuppressed()).contains(refusal), "the original is kept");
    }
  }

  @Test
  void anythingElseIsInternalWithTheCauseKept() {
    RuntimeException hostError = new RuntimeException("ip link add: EEXIST");
    Throwable plain = failure(new Rollback().add("x", ok("x")).rollback(hostError));
    assertInstanceOf(BerthException.Internal.class, plain);
    assertEquals("ip link add: EEXIST", plain.getMessage());
    assertSame(hostError, plain.getCause(), "kept for the log and for retry classification");

    BerthException unavailable = new BerthException.Unavailable("kafka not ready");
    Throwable e = failure(new Rollback().add("x", failing("x", "gone")).rollback(unavailable));
    assertInstanceOf(BerthException.Internal.class, e, "only a refusal keeps its status when an undo failed");
    assertEquals("kafka not ready; undo x: gone", e.getMessage());
    assertSame(unavailable, e.getCause());

    Throwable nameless = failure(new Rollback().rollback(new NullPointerException()));
    assertEquals("NullPointerException", nameless.getMessage(), "a message-less error still says what it was");
  }

  @Test
  void undosRunOnce() {
    Rollback undo = new Rollback().add("a", ok("a"));
    undo.rollback(new RuntimeException("first"));
    undo.rollback(new RuntimeException("second"));
    assertEquals(List.of("a"), ran);
  }

  @Test
  void aStepRegistersItsUndoOnlyWhenItSucceeded() {
    Rollback undo = new Rollback();
    Future<String> reserved = undo.step("release ports", () -> Future.succeededFuture("8080"), ok("release ports"));
    assertEquals("8080", reserved.result());
    Future<String> refused = undo.step("allocate", () -> Future.failedFuture(BerthException.conflict("taken")),
        ok("never"));
    assertTrue(refused.failed());
    Future<String> thrown = undo.step("allocate", () -> {
      throw new IllegalStateException("bug");
    }, ok("never"));
    assertEquals("bug", thrown.cause().getMessage());
    undo.step("no undo", () -> Future.succeededFuture(1), null);
    assertEquals(1, undo.size());
    Throwable e = failure(refused.recover(undo::rollback));
    assertEquals(List.of("release ports"), ran);
    assertEquals("taken", e.getMessage());
  }

  @Test
  void undoAllGivesTheErrorsWithoutFailing() {
    Rollback undo = new Rollback().add("a", failing("a", "x")).add("b", ok("b"));
    Future<List<String>> errors = undo.undoAll();
    assertTrue(errors.succeeded());
    assertEquals(List.of("undo a: x"), errors.result());
    assertEquals(List.of("b", "a"), ran);
  }
}
