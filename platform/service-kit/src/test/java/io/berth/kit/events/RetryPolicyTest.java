package io.berth.kit.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

  @Test
  void backoffDoublesUpToTheCeiling() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertEquals(100, p.backoffMillis(1));
    assertEquals(200, p.backoffMillis(2));
    assertEquals(800, p.backoffMillis(4));
    assertEquals(2000, p.backoffMillis(6));
    assertEquals(2000, p.backoffMillis(60), "no overflow on long runs");
    assertEquals(1, new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)).backoffMillis(1));
  }

  @Test
  void retriableIsAType() {
    assertTrue(RetryPolicy.isRetriable(new RetriableException("busy")));
    assertTrue(RetryPolicy.isRetriable(new org.apache.kafka.common.errors.NotEnoughReplicasException("isr")));
    assertTrue(RetryPolicy.isRetriable(new TimeoutException("handler too slow")));
    assertTrue(RetryPolicy.isRetriable(new CompletionException(new RetriableException("wrapped"))));
    assertFalse(RetryPolicy.isRetriable(new IllegalArgumentException("bad name")));
    assertFalse(RetryPolicy.isRetriable(new CompletionException(new IllegalStateException("wrapped"))));
  }
}
