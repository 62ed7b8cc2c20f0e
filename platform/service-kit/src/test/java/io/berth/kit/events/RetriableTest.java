package io.berth.kit.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.HazelcastOverloadException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.spi.exception.PartitionMigratingException;
import com.hazelcast.spi.exception.RetryableHazelcastException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import com.hazelcast.spi.exception.WrongTargetException;
import io.berth.kit.errors.BerthException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetriableTest {

  @Test
  void berthsOwnTransientErrors() {
    assertTrue(Retriable.isRetriable(new RetriableException("busy")));
    assertTrue(Retriable.isRetriable(new BerthException.Unavailable("kafka not ready")));
  }

  @Test
  void kafkasRetriableErrorsAndTimeouts() {
    assertTrue(Retriable.isRetriable(new org.apache.kafka.common.errors.TimeoutException("metadata not ready")));
    assertTrue(Retriable.isRetriable(new org.apache.kafka.common.errors.NotEnoughReplicasException("isr")));
    assertTrue(Retriable.isRetriable(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moved")));
    assertTrue(Retriable.isRetriable(new TimeoutException("handler too slow")));
    assertTrue(Retriable.isRetriable(new io.vertx.core.impl.NoStackTraceTimeoutException("Future.timeout")));
  }

  @Test
  void hazelcastsTransientErrors() {
    assertTrue(Retriable.isRetriable(new OperationTimeoutException("put timed out")));
    assertTrue(Retriable.isRetriable(new HazelcastInstanceNotActiveException()), "the member starting or stopping");
    assertTrue(Retriable.isRetriable(new RetryableHazelcastException("retry")));
    assertTrue(Retriable.isRetriable(new TargetNotMemberException("gone")));
    assertTrue(Retriable.isRetriable(new WrongTargetException("partition moved")));
    assertTrue(Retriable.isRetriable(new PartitionMigratingException("migrating")));
    assertTrue(Retriable.isRetriable(new MemberLeftException("member left")));
    assertTrue(Retriable.isRetriable(new TargetDisconnectedException("connection lost")));
    assertTrue(Retriable.isRetriable(new HazelcastOverloadException("too many invocations")));
  }

  @Test
  void wrappedTransientErrorsAreFoundInTheCauseChain() {
    assertTrue(Retriable.isRetriable(new CompletionException(new OperationTimeoutException("x"))));
    assertTrue(Retriable.isRetriable(new ExecutionException(new TargetNotMemberException("x"))));
    assertTrue(Retriable.isRetriable(new CompletionException(new ExecutionException(new MemberLeftException("x")))));
    assertTrue(Retriable.isRetriable(new BerthException.Internal("allocation failed; undo x: y",
        new OperationTimeoutException("x"))), "a rollback's Internal keeps its transient cause");
    assertTrue(Retriable.isRetriable(new IllegalStateException("state write failed",
        new org.apache.kafka.common.errors.TimeoutException("x"))));
  }

  @Test
  void permanentFailuresAreNot() {
    assertFalse(Retriable.isRetriable(new IllegalArgumentException("bad name")));
    assertFalse(Retriable.isRetriable(new CompletionException(new IllegalStateException("wrapped"))));
    assertFalse(Retriable.isRetriable(new BerthException.Internal("bug")));
    assertFalse(Retriable.isRetriable(new NullPointerException()));
    assertFalse(Retriable.isRetriable(new org.apache.kafka.common.errors.SerializationException("poison")));
    assertFalse(Retriable.isRetriable(new com.hazelcast.core.HazelcastException("not transient")));
  }

  @Test
  void aRefusalIsFinalWhateverCausedIt() {
    assertFalse(Retriable.isRetriable(new BerthException.InvalidRequest("no such network",
        new OperationTimeoutException("x"))));
    assertFalse(Retriable.isRetriable(new CompletionException(BerthException.conflict("port is already allocated"))));
    assertFalse(Retriable.isRetriable(BerthException.notFound("No such container: c1")));
  }

  @Test
  void aCauseCycleEnds() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertFalse(Retriable.isRetriable(a));
  }
}
