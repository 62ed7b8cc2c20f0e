package io.berth.kit.events;

import io.cloudevents.CloudEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one record of a subscription to its handler: decode, skip if already handled, call the handler
 * inside a consumer span, retry retriable failures with backoff, dead-letter the rest. The returned future
 * fails only when the record could not even be dead-lettered; then it must not be committed.
 */
final class EventDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
  private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("berth.attempt");

  private final Vertx vertx;
  private final Context context;
  private final String group;
  private final EventHandler handler;
  private final RetryPolicy retry;
  private final EventTracing tracing;
  private final DeadLetters deadLetters;
  private final SeenEvents seen;
  private volatile boolean stopping;

  EventDelivery(Vertx vertx, Context context, String group, EventHandler handler, RetryPolicy retry,
                EventTracing tracing, DeadLetters deadLetters, SeenEvents seen) {
    this.vertx = vertx;
    this.context = context;
    this.group = group;
    this.handler = handler;
    this.retry = retry;
    this.tracing = tracing;
    this.deadLetters = deadLetters;
    this.seen = seen;
  }

  /**
   * The subscription is closing. A transient failure from now on is neither retried nor dead-lettered: it is most
   * likely the node's own shutdown (Hazelcast no longer active), so the record is left uncommitted and comes again to
   * whoever consumes the partition next.
   */
  void stop() {
    stopping = true;
  }

  /** Must run on the subscription's Vert.x context. */
  Future<Void> deliver(ConsumerRecord<String, byte[]> record) {
    CloudEvent event;
    try {
      event = CloudEventRecords.toEvent(record);
    } catch (RuntimeException notAnEvent) {
      LOG.warn("{}-{}@{} is not a CloudEvent, dead-lettering: {}", record.topic(), record.partition(),
          record.offset(), notAnEvent.getMessage());
      return deadLetters.send(record, group, notAnEvent);
    }
    String identity = event.getSource() + " " + event.getId();
    if (seen.contains(identity)) {
      LOG.debug("{} {} from {}-{}@{} already handled in group {}", event.getType(), event.getId(), record.topic(),
          record.partition(), record.offset(), group);
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} (key {}) from {}-{}@{} delivered in group {}, {} ms after it was created", event.getType(),
          event.getId(), record.key(), record.topic(), record.partition(), record.offset(), group,
          event.getTime() == null ? "?" : Duration.between(event.getTime().toInstant(), Instant.now()).toMillis());
    }
    Span span = tracing.startProcess(record.topic(), group, record.headers(), event);
    return attempt(event, span, 1)
        .transform(handled -> {
          EventTracing.end(span, handled.cause());
          if (handled.succeeded()) {
            seen.add(identity);
            if (LOG.isDebugEnabled()) {
              LOG.debug("{} {} handled in group {} in {} ms", event.getType(), event.getId(), group,
                  TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            return Future.succeededFuture();
          }
          if (stopping && RetryPolicy.isRetriable(handled.cause())) {
            LOG.info("event {} ({}) from {}-{}@{} failed in group {} while closing, left for redelivery: {}",
                event.getId(), event.getType(), record.topic(), record.partition(), record.offset(), group,
                handled.cause().toString());
            return Future.failedFuture(handled.cause());
          }
          LOG.warn("event {} ({}) from {}-{}@{} failed in group {}, dead-lettering: {}", event.getId(),
              event.getType(), record.topic(), record.partition(), record.offset(), group,
              handled.cause().toString());
          return deadLetters.send(record, group, handled.cause()).onSuccess(v -> seen.add(identity));
        });
  }

  private Future<Void> attempt(CloudEvent event, Span span, int attempt) {
    return call(event, span).recover(error -> {
      if (!RetryPolicy.isRetriable(error) || attempt >= retry.maxAttempts() || stopping) {
        return Future.failedFuture(error);
      }
      long delay = retry.backoffMillis(attempt);
      span.addEvent("retry", Attributes.of(ATTEMPT, (long) attempt + 1));
      LOG.debug("event {} failed (attempt {}), retrying in {} ms: {}", event.getId(), attempt, delay, error.toString());
      return vertx.timer(delay, TimeUnit.MILLISECONDS).compose(v -> attempt(event, span, attempt + 1));
    });
  }

  private Future<Void> call(CloudEvent event, Span span) {
    Future<Void> result;
    try (Scope ignored = span.makeCurrent()) {
      result = handler.handle(event);
    } catch (RuntimeException thrown) {
      return Future.failedFuture(thrown);
    }
    if (result == null) {
      return Future.failedFuture(new IllegalStateException("event handler returned no future"));
    }
    // a future bound to the subscription's context: whichever thread completed the handler's future,
    // retries, dead letters and the next record's handler then run where the subscriber expects
    return Future.fromCompletionStage(
        result.timeout(retry.handlerTimeout().toMillis(), TimeUnit.MILLISECONDS).toCompletionStage(), context);
  }
}
