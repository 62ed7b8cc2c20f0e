package io.berth.logging.collect;

import io.berth.events.Topics;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.driver.Threads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines shipped by remote runtimes on {@code berth.logs.ingest}: key = container id, value = one line (a trailing
 * newline is dropped), optional headers {@code stream} ({@code stdout}|{@code stderr}) and {@code time} (RFC 3339;
 * else the time berth read it). Lines of containers on other nodes are skipped. Order per container follows the
 * partition; offsets are committed after the batch was logged and flushed.
 *
 * <p>Only {@link #close} ends the ingest, as the kit's subscriptions do: a record that cannot be logged is skipped
 * and counted ({@code berth_logging_ingest_skipped_total}); when the consumer itself fails (Kafka away, a poll or
 * commit error) it is closed and a new one joins the group after a backoff ({@code berth_logging_ingest_restarts_total}),
 * so uncommitted records are delivered again.
 */
public final class IngestConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestConsumer.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final ContainerRegistry registry;
  private final Counter skipped;
  private final Counter restarts;
  private final Duration firstBackoff;
  private final Map<String, LineSplitter> splitters = new HashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile Consumer<String, byte[]> current;

  public IngestConsumer(KafkaSettings kafka, String node, ContainerRegistry registry, MeterRegistry metrics) {
    this(() -> new KafkaConsumer<>(kafka.consumerConfig("berth-logging-ingest-" + node, "logging-ingest")), registry,
        metrics, FIRST_BACKOFF);
  }

  IngestConsumer(Supplier<Consumer<String, byte[]>> consumers, ContainerRegistry registry, MeterRegistry metrics,
      Duration firstBackoff) {
    this.consumers = consumers;
    this.registry = registry;
    this.skipped = Counter.builder("berth.logging.ingest.skipped")
        .description("berth.logs.ingest records that could not be logged").register(metrics);
    this.restarts = Counter.builder("berth.logging.ingest.restarts")
        .description("berth.logs.ingest consumers replaced after a failure").register(metrics);
    this.firstBackoff = firstBackoff;
    this.thread = Threads.start("logs-ingest", this::run);
  }

  private void run() {
    Duration backoff = firstBackoff;
    while (!closed()) {
      try {
        consume();
      } catch (WakeupException e) {
        if (closed()) return;
        LOG.warn("log ingest woken up without close; restarting the consumer");
      } catch (Exception e) {
        if (closed()) return;
        restarts.increment();
        LOG.error("log ingest failed, a new consumer joins in {} ms: {}", backoff.toMillis(), e.toString());
        if (await(backoff)) return;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        continue;
      }
      backoff = firstBackoff;
    }
  }

  /** One consumer's life: until close, or until it fails (the exception goes to {@link #run}). */
  private void consume() {
    splitters.clear();
    try (Consumer<String, byte[]> consumer = consumers.get()) {
      current = consumer;
      if (closed()) return;
      consumer.subscribe(List.of(Topics.LOGS_INGEST));
      while (!closed()) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) continue;
        Map<String, ContainerLogs> touched = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          ContainerLogs c = r.key() == null ? null : registry.get(r.key()).orElse(null);
          if (c == null) continue;
          try {
            log(c, r);
            touched.put(c.info().id(), c);
          } catch (Exception e) {
            skipped.increment();
            LOG.warn("log ingest: record {}-{}@{} of container {} skipped: {}", r.topic(), r.partition(), r.offset(),
                c.info().shortId(), e.toString());
          }
        }
        for (ContainerLogs c : touched.values()) flush(c);
        consumer.commitSync();
      }
    } finally {
      current = null;
    }
  }

  private void log(ContainerLogs c, ConsumerRecord<String, byte[]> r) throws IOException {
    LogStream stream = LogStream.of(header(r, "stream"));
    String t = header(r, "time");
    long time = t == null ? Rfc3339.nowNanos() : Rfc3339.parse(t);
    LineSplitter s = splitters.computeIfAbsent(c.info().id() + "/" + stream.wire(),
        k -> new LineSplitter(stream, c.target().driver()));
    byte[] v = r.value() == null ? new byte[0] : r.value();
    int len = v.length;
    s.accept(v, 0, len, time);
    if (len == 0 || v[len - 1] != '\n') s.accept(new byte[] {'\n'}, 0, 1, time);
  }

  /** A driver that cannot flush reported its own error (and counted its drops); the other containers go on. */
  private static void flush(ContainerLogs c) {
    try {
      c.target().driver().flush();
    } catch (IOException | RuntimeException e) {
      LOG.warn("log ingest: flushing the log of {} failed: {}", c.info().shortId(), e.toString());
    }
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private boolean closed() {
    return closing.getCount() == 0;
  }

  /** Waits {@code d} or until close; true when closed. */
  private boolean await(Duration d) {
    try {
      return closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    closing.countDown();
    Consumer<String, byte[]> c = current;
    if (c != null) c.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
