package io.berth.logging.events;

import io.berth.events.logging.LogLinesDropped;
import io.berth.events.logging.LogSinkRecovered;
import io.berth.logging.driver.DropListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes lost lines visible: each drop increments {@code berth_logging_lines_dropped_total{container,reason}} at once,
 * and at most once a second per container and reason an {@code io.berth.logging.lines.dropped} event carries the count
 * since the last one. A recovered sink is published as {@code io.berth.logging.sink.recovered}. Both are published
 * from the context the reporter is given (the events verticle's); drops are counted from the drivers' threads.
 */
public final class DropReporter {
  private static final Logger LOG = LoggerFactory.getLogger(DropReporter.class);

  private final Context context;
  private final LoggingEventsPublisher publisher;
  private final MeterRegistry metrics;
  private final String node;
  private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

  public DropReporter(Context context, LoggingEventsPublisher publisher, MeterRegistry metrics, String node) {
    this.context = context;
    this.publisher = publisher;
    this.metrics = metrics;
    this.node = node;
    context.runOnContext(v -> context.owner().setPeriodic(1000, id -> publishPending()));
  }

  public DropListener forContainer(String containerId) {
    return new DropListener() {
      @Override
      public void dropped(long count, String reason) {
        Counter.builder("berth.logging.lines.dropped").description("container log lines lost")
            .tag("container", containerId).tag("reason", reason).register(metrics).increment(count);
        pending.computeIfAbsent(containerId + "|" + reason, k -> new AtomicLong()).addAndGet(count);
      }

      @Override
      public void recovered(String driver, long downMillis) {
        context.runOnContext(v -> publisher.sinkRecovered(new LogSinkRecovered(containerId, node, driver, downMillis))
            .onFailure(e -> LOG.warn("publishing sink.recovered failed: {}", e.getMessage())));
      }
    };
  }

  /** The container is gone: its pending counts go out now. Call on the reporter's context. */
  public void forget(String containerId) {
    publishPending();
    pending.keySet().removeIf(k -> k.startsWith(containerId + "|"));
  }

  private void publishPending() {
    pending.forEach((key, count) -> {
      long n = count.getAndSet(0);
      if (n == 0) return;
      String[] parts = key.split("\\|", 2);
      LOG.warn("container {}: {} log lines dropped ({})", parts[0], n, parts[1]);
      publisher.linesDropped(new LogLinesDropped(parts[0], node, n, parts[1]))
          .onFailure(e -> LOG.warn("publishing lines.dropped failed: {}", e.getMessage()));
    });
  }
}
