package io.berth.logging.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.berth.events.Topics;
import io.berth.logging.domain.ContainerInfo;
import io.berth.logging.domain.EffectiveLogConfig;
import io.berth.logging.domain.LogMessage;
import io.berth.logging.driver.LogDriver;
import io.berth.logging.driver.LogTarget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code berth.logs.ingest} outlives bad records and consumer failures; only {@code close} ends it. */
class IngestConsumerTest {
  private static final String ID = "c0ffee0000000000000000000000000000000000000000000000000000000001";
  private static final TopicPartition PARTITION = new TopicPartition(Topics.LOGS_INGEST, 0);

  private final ContainerRegistry registry = new ContainerRegistry();
  private final RecordingDriver driver = new RecordingDriver();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Queue<MockConsumer<String, byte[]>> consumers = new ArrayDeque<>();
  private final List<MockConsumer<String, byte[]>> handedOut = new CopyOnWriteArrayList<>();
  private IngestConsumer ingest;

  @BeforeEach
  void register() {
    ContainerInfo info = new ContainerInfo(ID, "web", "n1", null, null, null, null, null, null, false, null);
    registry.put(new ContainerLogs(info, new EffectiveLogConfig("json-file", Map.of()),
        new LogTarget(driver, null, null), Path.of("/nonexistent/stdout"), null));
  }

  @AfterEach
  void close() {
    if (ingest != null) ingest.close();
  }

  @Test
  void aBadRecordIsSkippedAndCountedAndTheNextOneIsLogged() {
    MockConsumer<String, byte[]> c = consumer();
    c.schedulePollTask(() -> {
      assign(c);
      c.addRecord(record(0, "bad time", "yesterday"));
      c.addRecord(record(1, "line two", null));
    });
    ingest = start();

    awaitLogged("line two");
    assertEquals(List.of("line two"), driver.lines());
    assertEquals(1.0, metrics.counter("berth.logging.ingest.skipped").count());
  }

  @Test
  void aFailingConsumerIsReplacedAndIngestGoesOn() {
    MockConsumer<String, byte[]> broken = consumer();
    broken.schedulePollTask(() -> {
      assign(broken);
      broken.setPollException(new KafkaException("broker went away"));
    });
    MockConsumer<String, byte[]> next = consumer();
    next.schedulePollTask(() -> {
      assign(next);
      next.addRecord(record(0, "after the failure", null));
    });
    ingest = start();

    awaitLogged("after the failure");
    assertTrue(broken.closed(), "the failed consumer is closed before it is replaced");
    assertEquals(1.0, metrics.counter("berth.logging.ingest.restarts").count());
  }

  @Test
  void closeEndsTheLoopAndClosesTheConsumer() {
    MockConsumer<String, byte[]> c = consumer();
    c.schedulePollTask(() -> assign(c));
    ingest = start();
    awaitPolled(c);

    ingest.close();
    assertTrue(c.closed());
    assertEquals(1, handedOut.size(), "no consumer is made after close");
  }

  private IngestConsumer start() {
    Supplier<Consumer<String, byte[]>> factory = () -> {
      MockConsumer<String, byte[]> c = consumers.poll();
      if (c == null) throw new KafkaException("no more consumers in this test");
      handedOut.add(c);
      return c;
    };
    return new IngestConsumer(factory, registry, metrics, Duration.ofMillis(10));
  }

  private MockConsumer<String, byte[]> consumer() {
    MockConsumer<String, byte[]> c = new MockConsumer<>("earliest");
    consumers.add(c);
    return c;
  }

  private static void assign(MockConsumer<String, byte[]> c) {
    c.rebalance(List.of(PARTITION));
    c.updateBeginningOffsets(Map.of(PARTITION, 0L));
  }

  private static ConsumerRecord<String, byte[]> record(long offset, String line, String time) {
    ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(Topics.LOGS_INGEST, 0, offset, ID,
        line.getBytes(StandardCharsets.UTF_8));
    if (time != null) r.headers().add("time", time.getBytes(StandardCharsets.UTF_8));
    return r;
  }

  private void awaitLogged(String line) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!driver.lines().contains(line)) {
      if (System.nanoTime() > deadline) fail("\"" + line + "\" was not logged within 5 s; logged: " + driver.lines());
      sleep();
    }
  }

  private void awaitPolled(MockConsumer<String, byte[]> c) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (c.assignment().isEmpty()) {
      if (System.nanoTime() > deadline) fail("the consumer was not polled within 5 s");
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private static final class RecordingDriver implements LogDriver {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override public String name() { return "recording"; }
    @Override public void log(LogMessage m) { lines.add(new String(m.line(), StandardCharsets.UTF_8)); }
    @Override public void close() {}

    List<String> lines() { return List.copyOf(lines); }
  }
}
