package io.berth.kit.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.kit.errors.BerthException;
import io.berth.kit.function.ThrowingRunnable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {
  private final List<String> ran = new ArrayList<>();

  private ThrowingRunnable log(String name) {
    return () -> ran.add(name);
  }

  private ThrowingRunnable fail(String name, Exception e) {
    return () -> {
      ran.add(name);
      throw e;
    };
  }

  @Test
  void stepsRunInOrderAndNothingIsUndoneWhenAllSucceed() {
    new Steps("bridge br-1").step("add", log("add"), log("undo add")).step("addr", log("addr")).step("up", log("up"));
    assertEquals(List.of("add", "addr", "up"), ran);
  }

  @Test
  void aFailedStepUndoesTheEarlierOnesNewestFirstAndSaysEverything() {
    Steps steps = new Steps("endpoint vb1")
        .step("ip link add vb1", log("add"), log("undo add"))
        .step("hairpin", log("hairpin"))
        .step("sysctl", log("sysctl"), log("undo sysctl"));
    StepsFailed e = assertThrows(StepsFailed.class,
        () -> steps.step("configure eth0", fail("configure", new IOException("ENETUNREACH")), log("never")));
    assertEquals(List.of("add", "hairpin", "sysctl", "configure", "undo sysctl", "undo add"), ran);
    assertEquals("endpoint vb1 failed: configure eth0: ENETUNREACH", e.getMessage());
    assertEquals(List.of("configure eth0: ENETUNREACH"), e.errors());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void everyUndoRunsEvenIfOneFails() {
    Steps steps = new Steps("namespace n1")
        .step("a", log("a"), fail("undo a", new IllegalStateException("EBUSY")))
        .step("b", log("b"), fail("undo b", new RuntimeException()))
        .step("c", log("c"), log("undo c"));
    StepsFailed e = assertThrows(StepsFailed.class, () -> steps.step("d", fail("d", new IOException("EEXIST"))));
    assertEquals(List.of("a", "b", "c", "d", "undo c", "undo b", "undo a"), ran);
    assertEquals(List.of("d: EEXIST", "undo b: RuntimeException", "undo a: EBUSY"), e.errors());
    assertEquals("namespace n1 failed: d: EEXIST; undo b: RuntimeException; undo a: EBUSY", e.getMessage());
  }

  @Test
  void aRefusalKeepsItsStatus() {
    BerthException refusal = BerthException.conflict("port is already allocated");
    Steps clean = new Steps("x").step("a", log("a"), log("undo a"));
    assertSame(refusal, assertThrows(BerthException.Conflict.class, () -> clean.step("b", fail("b", refusal))));

    Steps dirty = new Steps("x").step("a", log("a"), fail("undo a", new IOException("EBUSY")));
    BerthException e = assertThrows(BerthException.Conflict.class, () -> dirty.step("b", fail("b", refusal)));
    assertEquals("port is already allocated; undo a: EBUSY", e.getMessage());

    Steps internal = new Steps("x").step("a", log("a"), fail("undo a", new IOException("EBUSY")));
    StepsFailed s = assertThrows(StepsFailed.class,
        () -> internal.step("b", fail("b", new BerthException.Internal("bug"))));
    assertEquals("x failed: b: bug; undo a: EBUSY", s.getMessage());
  }

  @Test
  void rollbackUndoesCompletedStepsOnceForACallerWhoseLaterWorkFailed() {
    Steps steps = new Steps("x").step("a", log("a"), log("undo a"))
        .step("b", log("b"), fail("undo b", new IOException("gone")));
    assertEquals(List.of("undo b: gone"), steps.rollback());
    assertEquals(List.of(), steps.rollback());
    assertEquals(List.of("a", "b", "undo b", "undo a"), ran);
  }

  @Test
  void aFailedStepRegistersNoUndoOfItsOwn() {
    Steps steps = new Steps("x");
    assertThrows(StepsFailed.class, () -> steps.step("a", fail("a", new IOException("no")), log("undo a")));
    assertEquals(List.of(), steps.rollback());
    assertEquals(List.of("a"), ran);
  }
}
