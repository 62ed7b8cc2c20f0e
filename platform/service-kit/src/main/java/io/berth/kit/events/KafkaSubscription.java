package io.berth.kit.events;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.berth.kit.concurrent.KeyedLanes;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One consumer of one topic in one group, on its own thread (a Kafka consumer is single-threaded and its
 * poll blocks). Polled records are handed to the Vert.x context as they come: records with the same key are
 * delivered one after the other, different keys side by side, and the consumer keeps fetching while handlers run
 * (no batch waits for its slowest record), pausing its partitions while {@link #MAX_IN_FLIGHT} records are in hand
 * so a slow handler neither floods memory nor costs the group membership. Per partition, the offset committed is
 * the lowest record not finished yet (see {@link PartitionProgress}); a record that could not even be dead-lettered
 * is tried again in place after a pause, holding up its key and the commit. On a rebalance what is finished is
 * committed, and records of a revoked partition still in hand may be delivered again by the new owner (at least
 * once). A consumer that throws is replaced and resumes from the committed offsets.
 */
final class KafkaSubscription implements Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscription.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long REDELIVERY_PAUSE_MS = 1000;
  private static final long RESTART_BACKOFF_MS = 1000;
  private static final long MAX_RESTART_BACKOFF_MS = 30_000;
  /** Records handed to handlers and not finished, above which fetching pauses (resumed at half). */
  static final int MAX_IN_FLIGHT = 256;
  /** How long close() waits for the handlers of records in hand. */
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
  private final KeyedLanes lanes = new KeyedLanes();
  private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
  /** Consumer thread only. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Thread thread;
  private volatile boolean running = true;
  /** Written by the consumer thread, read by handlers finishing (to wake a paused consumer). */
  private volatile boolean paused;
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
    delivery.stop();
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
          // close() interrupts a poll in progress; the loop sees running == false
        } catch (RuntimeException e) {
          if (!running) {
            break;
          }
          // a consumer that threw is not to be trusted again: a new one resumes from the committed offsets
          LOG.error("consumer of {} in group {} failed, starting a new one in {} ms", topic, group, backoff, e);
          replaceConsumer(backoff);
          backoff = Math.min(backoff * 2, MAX_RESTART_BACKOFF_MS);
        }
      }
      awaitInFlight();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        commitSync(consumer.assignment());
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

  private void consume() {
    consumer.subscribe(List.of(topic), new CommitOnRevoke());
    while (running) {
      ConsumerRecords<String, byte[]> records;
      try {
        records = consumer.poll(POLL);
      } catch (WakeupException woken) {
        if (!running) {
          throw woken;
        }
        // handlers caught up while fetching was paused: resume now rather than at the end of the poll
        records = ConsumerRecords.empty();
      }
      if (!records.isEmpty()) {
        handOut(records);
      }
      flowControl();
      commitIfDue();
    }
  }

  /** Hands the records to the context in one task, each in its key's lane. */
  private void handOut(ConsumerRecords<String, byte[]> records) {
    List<Runnable> deliveries = new ArrayList<>(records.count());
    for (TopicPartition tp : records.partitions()) {
      PartitionProgress p = progress.computeIfAbsent(tp, k -> new PartitionProgress());
      for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
        p.handedOut(record.offset());
        inFlight.incrementAndGet();
        deliveries.add(() -> lanes.run(String.valueOf(record.key()), () -> deliverUntilDone(record))
            .onComplete(done -> {
              if (done.succeeded()) {
                p.finished(record.offset());
              }
              if (inFlight.decrementAndGet() == MAX_IN_FLIGHT / 2 && paused) {
                consumer.wakeup();
              }
            }));
      }
    }
    context.runOnContext(v -> deliveries.forEach(Runnable::run));
  }

  /** Delivers; a record that could not even be dead-lettered (Kafka down) is tried again after a pause. */
  private Future<Void> deliverUntilDone(ConsumerRecord<String, byte[]> record) {
    return delivery.deliver(record).recover(error -> {
      if (!running) {
        return Future.failedFuture(error);
      }
      LOG.warn("{} could not be handled nor dead-lettered, will retry: {}", record, error.toString());
      return context.owner().timer(REDELIVERY_PAUSE_MS, TimeUnit.MILLISECONDS).compose(t -> deliverUntilDone(record));
    });
  }

  /** Pauses fetching while too many records are in hand; polls then only keep the membership. */
  private void flowControl() {
    int n = inFlight.get();
    if (!paused && n >= MAX_IN_FLIGHT) {
      consumer.pause(consumer.assignment());
      paused = true;
    } else if (paused && n <= MAX_IN_FLIGHT / 2) {
      consumer.resume(consumer.assignment());
      paused = false;
    }
  }

  /** Commits what is finished, with at most one asynchronous commit in flight (callbacks run inside poll). */
  private void commitIfDue() {
    if (commitInFlight) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> due = due(consumer.assignment());
    if (due.isEmpty()) {
      return;
    }
    commitInFlight = true;
    consumer.commitAsync(due, (offsets, error) -> {
      commitInFlight = false;
      if (error != null) {
        LOG.debug("commit for {} in group {} failed, will retry: {}", topic, group, error.toString());
      } else {
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
      }
    });
  }

  private void commitSync(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> due = due(partitions);
    if (due.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(due);
    } catch (WakeupException pendingFromClose) {
      // close() woke the consumer while it was not polling; the wake-up is consumed now, so commit again
      consumer.commitSync(due);
    }
    due.forEach((tp, o) -> committed.put(tp, o.offset()));
  }

  private Map<TopicPartition, OffsetAndMetadata> due(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    for (TopicPartition tp : partitions) {
      PartitionProgress p = progress.get(tp);
      long offset = p == null ? -1 : p.committable();
      if (offset >= 0 && !Long.valueOf(offset).equals(committed.get(tp))) {
        due.put(tp, new OffsetAndMetadata(offset));
      }
    }
    return due;
  }

  /** Lets the records in hand finish (bounded), so what they did is committed; the rest comes again. */
  private void awaitInFlight() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MS);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (inFlight.get() > 0) {
      // Vert.x may already be closed and never run them; what is not committed comes again
      LOG.warn("closing {} in group {} with {} events still in hand; they will be redelivered", topic, group,
          inFlight.get());
    }
  }

  private void replaceConsumer(long pauseMs) throws InterruptedException {
    try {
      commitSync(consumer.assignment());
    } catch (RuntimeException e) {
      LOG.warn("commit before restarting the consumer of {} failed, events since the last commit come again: {}",
          topic, e.toString());
    }
    try {
      consumer.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.debug("closing the failed consumer of {}: {}", topic, e.toString());
    }
    // records still in hand finish into forgotten progress: they are fetched again and skipped as seen
    progress.clear();
    committed.clear();
    paused = false;
    commitInFlight = false;
    Thread.sleep(pauseMs);
    consumer = new KafkaConsumer<>(consumerConfig);
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      try {
        commitSync(partitions);
      } catch (RuntimeException e) {
        LOG.warn("commit on revoke for {} in group {} failed: {}", topic, group, e.toString());
      }
      partitions.forEach(tp -> {
        progress.remove(tp);
        committed.remove(tp);
      });
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      LOG.debug("group {} got {}", group, partitions);
      if (paused) {
        consumer.pause(partitions);
      }
      started.complete(KafkaSubscription.this);
    }
  }
}
