package io.berth.kit.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.berth.kit.errors.BerthException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One consumer of one topic in one group, on its own thread (a Kafka consumer is single-threaded and its
 * poll blocks). Each polled batch is handed to the Vert.x context: records with the same key are delivered
 * one after the other, different keys and partitions side by side. Once the batch is done, the offset after
 * the last delivered record of each partition is committed (see {@link #commitIfDue()}); a record that could not
 * even be dead-lettered is sought back to and tried again on the next poll. While a batch is in hand the
 * consumer keeps polling with its partitions paused, so a slow handler does not cost the group membership;
 * a rebalance then commits what was delivered so far, and records of a revoked partition still in hand may
 * be delivered again by the new owner (at least once).
 */
final class KafkaSubscription implements Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscription.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long REDELIVERY_PAUSE_MS = 1000;
  private static final long RESTART_BACKOFF_MS = 1000;
  private static final long MAX_RESTART_BACKOFF_MS = 30_000;
  private static final long KEEP_ALIVE_MS = 1000;
  /** Keys of one partition handled side by side within a batch. */
  private static final int KEYS_IN_FLIGHT = 32;
  /** How long close() waits for the handlers of the batch in hand. */
  private static final long CLOSE_GRACE_MS = 10_000;

  private final String topic;
  private final String group;
  private final Map<String, Object> consumerConfig;
  private final Duration startTimeout;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private final Context context;
  private final EventDelivery delivery;
  private final CompletableFuture<Subscription> started = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final Map<TopicPartition, OffsetAndMetadata> delivered = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean inBatch;
  private boolean commitPending;
  private boolean commitInFlight;

  KafkaSubscription(String topic, String group, Map<String, Object> consumerConfig, Context context,
                    EventDelivery delivery, Duration startTimeout) {
    this.topic = topic;
    this.group = group;
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.startTimeout = startTimeout;
    this.consumer = new KafkaConsumer<>(consumerConfig);
    this.context = context;
    this.delivery = delivery;
    this.thread = new Thread(this::run, "berth-kafka-consume-" + group + "-" + topic);
    this.thread.setDaemon(true);
  }

  /**
   * Starts the consumer thread; the future completes on the first partition assignment. When none comes within the
   * start timeout (Kafka unreachable, say), the subscription closes and the future fails saying so, instead of a
   * service waiting forever.
   */
  Future<Subscription> start() {
    thread.start();
    long timer = context.owner().setTimer(startTimeout.toMillis(), t -> {
      if (started.completeExceptionally(new BerthException.Unavailable(String.format(
          "no partition of %s was assigned to group %s within %d s: is Kafka reachable at %s?", topic, group,
          startTimeout.toSeconds(), consumerConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG))))) {
        close();
      }
    });
    started.whenComplete((s, e) -> context.owner().cancelTimer(timer));
    return Future.fromCompletionStage(started, context);
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public String group() {
    return group;
  }

  @Override
  public Future<Void> close() {
    running = false;
    consumer.wakeup();
    return Future.fromCompletionStage(stopped, context);
  }

  private void run() {
    long backoff = RESTART_BACKOFF_MS;
    try {
      while (running) {
        try {
          consume();
        } catch (WakeupException closing) {
          // close() interrupts a poll in progress; nothing to do but leave
          return;
        } catch (RuntimeException e) {
          if (!running) {
            return;
          }
          // a consumer that threw is not to be trusted again: a new one resumes from the committed offsets
          LOG.error("consumer of {} in group {} failed, starting a new one in {} ms", topic, group, backoff, e);
          replaceConsumer(backoff);
          backoff = Math.min(backoff * 2, MAX_RESTART_BACKOFF_MS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        commitSync();
      } catch (RuntimeException e) {
        LOG.warn("final commit of {} in group {} failed, the last events may be redelivered: {}", topic, group,
            e.toString());
      }
      try {
        consumer.close();
      } catch (RuntimeException e) {
        LOG.warn("closing consumer of {} in group {}: {}", topic, group, e.toString());
      }
      started.completeExceptionally(new IllegalStateException("subscription closed before partitions were assigned"));
      stopped.complete(null);
    }
  }

  private void consume() throws InterruptedException {
    consumer.subscribe(List.of(topic), new CommitOnRevoke());
    while (running) {
      ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
      if (!records.isEmpty()) {
        deliver(records);
      }
      commitIfDue();
    }
  }

  private void replaceConsumer(long pauseMs) throws InterruptedException {
    try {
      commitSync();
    } catch (RuntimeException e) {
      LOG.warn("commit before restarting the consumer of {} failed, events since the last commit come again: {}",
          topic, e.toString());
    }
    try {
      consumer.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.debug("closing the failed consumer of {}: {}", topic, e.toString());
    }
    delivered.clear();
    commitPending = false;
    commitInFlight = false;
    Thread.sleep(pauseMs);
    consumer = new KafkaConsumer<>(consumerConfig);
  }

  private void deliver(ConsumerRecords<String, byte[]> records) throws InterruptedException {
    Map<TopicPartition, Long> retryAt = new ConcurrentHashMap<>();
    CompletableFuture<Void> batch = new CompletableFuture<>();
    context.runOnContext(v -> {
      List<Future<Void>> partitions = new ArrayList<>();
      for (TopicPartition tp : records.partitions()) {
        partitions.add(deliverByKey(tp, records.records(tp), retryAt));
      }
      Future.join(partitions).onComplete(done -> batch.complete(null));
    });
    awaitKeepingMembership(batch);
    retryAt.forEach((tp, offset) -> {
      if (consumer.assignment().contains(tp)) {
        consumer.seek(tp, offset);
      }
    });
    commitPending = true;
    if (!retryAt.isEmpty()) {
      Thread.sleep(REDELIVERY_PAUSE_MS);
    }
  }

  /**
   * Runs on the context: the records of one key one after the other, each after the previous one succeeded, and
   * different keys side by side (at most {@link #KEYS_IN_FLIGHT} at once), so one container's slow event does not hold
   * up the next container's. A key stops at its first record that could not be handled; the partition is then
   * committed up to the earliest such record and sought back to it (later records of other keys come again and are
   * skipped as already seen).
   */
  private Future<Void> deliverByKey(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records,
                                    Map<TopicPartition, Long> retryAt) {
    Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      byKey.computeIfAbsent(String.valueOf(record.key()), k -> new ArrayList<>()).add(record);
    }
    long next = records.get(records.size() - 1).offset() + 1;
    KeyLanes lanes = new KeyLanes(KEYS_IN_FLIGHT);
    List<Future<Void>> keys = new ArrayList<>();
    for (List<ConsumerRecord<String, byte[]>> ofKey : byKey.values()) {
      keys.add(lanes.submit(() -> deliverInOrder(tp, ofKey, retryAt)));
    }
    return Future.join(keys).transform(done -> {
      Long failedAt = retryAt.get(tp);
      delivered.put(tp, new OffsetAndMetadata(failedAt != null ? failedAt : next));
      return Future.succeededFuture();
    });
  }

  /** Runs on the context: each record after the previous one succeeded; stops at the first that fails. */
  private Future<Void> deliverInOrder(TopicPartition tp, List<ConsumerRecord<String, byte[]>> records,
                                      Map<TopicPartition, Long> retryAt) {
    Future<Void> chain = Future.succeededFuture();
    for (ConsumerRecord<String, byte[]> record : records) {
      chain = chain.compose(v -> delivery.deliver(record).onFailure(error -> {
        LOG.warn("{} could not be handled nor dead-lettered, will retry: {}", record, error.toString());
        retryAt.merge(tp, record.offset(), Math::min);
      }));
    }
    return chain;
  }

  /**
   * Waits for a batch while polling with every partition paused: a slow handler or a long retry must not
   * exceed {@code max.poll.interval.ms} and get this member thrown out of the group. Such a poll returns no
   * records; it may run a rebalance, whose callbacks commit and pause as needed.
   */
  private void awaitKeepingMembership(CompletableFuture<Void> batch) throws InterruptedException {
    inBatch = true;
    consumer.pause(consumer.assignment());
    try {
      int waitedSinceClose = 0;
      while (true) {
        try {
          batch.get(KEEP_ALIVE_MS, TimeUnit.MILLISECONDS);
          return;
        } catch (TimeoutException stillRunning) {
          if (!running && ++waitedSinceClose * KEEP_ALIVE_MS >= CLOSE_GRACE_MS) {
            // Vert.x may already be closed and never run the batch; what is not committed comes again
            LOG.warn("closing {} in group {} with events still in hand; they will be redelivered", topic, group);
            return;
          }
          pollPaused();
        } catch (ExecutionException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
    } finally {
      inBatch = false;
      consumer.resume(consumer.assignment());
    }
  }

  private void pollPaused() {
    try {
      consumer.poll(Duration.ZERO);
    } catch (WakeupException closing) {
      // close() lets the batch in hand finish; the main loop sees running == false afterwards
    }
  }

  /**
   * Commits what was delivered, with at most one asynchronous commit in flight: one commit per batch would
   * queue thousands of requests when events arrive one at a time, and the next commit covers the earlier.
   * Commit callbacks run inside poll, on this thread.
   */
  private void commitIfDue() {
    delivered.keySet().retainAll(consumer.assignment());
    if (!commitPending || commitInFlight || delivered.isEmpty()) {
      return;
    }
    commitPending = false;
    commitInFlight = true;
    consumer.commitAsync(new HashMap<>(delivered), (offsets, error) -> {
      commitInFlight = false;
      if (error != null) {
        commitPending = true;
        LOG.debug("commit for {} in group {} failed, will retry: {}", topic, group, error.toString());
      }
    });
  }

  private void commitSync() {
    delivered.keySet().retainAll(consumer.assignment());
    if (delivered.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(new HashMap<>(delivered));
    } catch (WakeupException pendingFromClose) {
      // close() woke the consumer while it was not polling; the wake-up is consumed now, so commit again
      consumer.commitSync(new HashMap<>(delivered));
    }
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        commitSync();
      } catch (RuntimeException e) {
        LOG.warn("commit on revoke for {} in group {} failed: {}", topic, group, e.toString());
      }
      partitions.forEach(delivered::remove);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.debug("group {} got {}", group, partitions);
      if (inBatch) {
        consumer.pause(partitions);
      }
      started.complete(KafkaSubscription.this);
    }
  }
}
