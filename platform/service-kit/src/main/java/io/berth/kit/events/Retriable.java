package io.berth.kit.events;

import io.berth.kit.errors.BerthException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Marks a failure as transient (a dependency is briefly unavailable): an event handler failing with it is
 * retried with backoff instead of being dead-lettered at once. {@link #isRetriable} is the one place that decides,
 * for the kit's subscriptions and for services that must tell a passing failure from a refusal (to publish a
 * failure fact only for the latter).
 */
public interface Retriable {

  /**
   * Whether {@code failure} is transient, so the same work may succeed when tried again: it, or an error in its cause
   * chain (through {@code CompletionException}, {@code ExecutionException} and berth's own wrappers), is
   * <ul>
   *   <li>marked {@link Retriable} ({@link BerthException.Unavailable}, {@link RetriableException});</li>
   *   <li>Kafka's {@link org.apache.kafka.common.errors.RetriableException} (its {@code TimeoutException}, a broker
   *       not ready, a leader moving);</li>
   *   <li>a timeout ({@link java.util.concurrent.TimeoutException}, Vert.x's {@code Future.timeout} included);</li>
   *   <li>Hazelcast's: {@link com.hazelcast.spi.exception.RetryableException} (a partition moving, a target no longer
   *       a member, {@link com.hazelcast.core.MemberLeftException}), {@link com.hazelcast.core.OperationTimeoutException},
   *       {@link com.hazelcast.spi.exception.TargetDisconnectedException},
   *       {@link com.hazelcast.core.HazelcastOverloadException}, and
   *       {@link com.hazelcast.core.HazelcastInstanceNotActiveException}, which is the member starting or stopping
   *       with the node: the work belongs to whoever handles it once the cluster is back, not to the dead letter.</li>
   * </ul>
   * A refusal ({@link BerthException} with a 4xx status) anywhere in the chain is final, whatever caused it: the
   * request was decided on and trying again gives the same answer.
   */
  static boolean isRetriable(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof BerthException b && !(t instanceof Retriable) && b.status() < 500) {
        return false;
      }
      if (t instanceof Retriable
          || t instanceof org.apache.kafka.common.errors.RetriableException
          || t instanceof java.util.concurrent.TimeoutException
          || t instanceof com.hazelcast.spi.exception.RetryableException
          || t instanceof com.hazelcast.core.OperationTimeoutException
          || t instanceof com.hazelcast.spi.exception.TargetDisconnectedException
          || t instanceof com.hazelcast.core.HazelcastOverloadException
          || t instanceof com.hazelcast.core.HazelcastInstanceNotActiveException) {
        return true;
      }
    }
    return false;
  }
}
