package io.berth.logging.collect;

import io.berth.events.Topics;
import io.berth.kit.kafka.KafkaSettings;
import io.berth.logging.domain.LogStream;
import io.berth.logging.domain.Rfc3339;
import io.berth.logging.driver.Threads;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class IngestConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestConsumer.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final ContainerRegistry registry;
  private final Thread thread;
  private final Map<String, LineSplitter> splitters = new HashMap<>();
  private volatile boolean running = true;

  public IngestConsumer(KafkaSettings kafka, String node, ContainerRegistry registry) {
    this.consumer = new KafkaConsumer<>(kafka.consumerConfig("berth-logging-ingest-" + node, "logging-ingest"));
    this.registry = registry;
    consumer.subscribe(List.of(Topics.LOGS_INGEST));
    this.thread = Threads.start("logs-ingest", this::run);
  }

  private void run() {
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) continue;
        Map<String, ContainerLogs> touched = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          ContainerLogs c = r.key() == null ? null : registry.get(r.key()).orElse(null);
          if (c == null) continue;
          LogStream stream = LogStream.of(header(r, "stream"));
          String t = header(r, "time");
          long time = t == null ? Rfc3339.nowNanos() : Rfc3339.parse(t);
          LineSplitter s = splitters.computeIfAbsent(c.info().id() + "/" + stream.wire(),
              k -> new LineSplitter(stream, c.target().driver()));
          byte[] v = r.value();
          int len = v.length;
          s.accept(v, 0, len, time);
          if (len == 0 || v[len - 1] != '\n') s.accept(new byte[] {'\n'}, 0, 1, time);
          touched.put(c.info().id(), c);
        }
        for (ContainerLogs c : touched.values()) c.target().driver().flush();
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      // closing
    } catch (Exception e) {
      LOG.error("log ingest stopped: {}", e.toString());
    } finally {
      consumer.close();
    }
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
