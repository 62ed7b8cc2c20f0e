package io.berth.dns.events;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How long an endpoint takes from its {@code endpoint.joined} event's creation to each hop here
 * ({@code berth_dns_endpoint_lag_seconds{stage=...}}): {@code consumed} (the handler got it from Kafka),
 * {@code applied} (the name answers), {@code handled} (the durable state and the cluster map hold it, the
 * container's files are written and announced: the next event of the partition can be delivered). The
 * difference between stages says where registration time goes.
 */
public final class EndpointLag {
  /** The hops, in order. */
  public enum Stage { CONSUMED, APPLIED, HANDLED }

  /** Sees every hop as it is recorded (benchmarks that want their own percentiles per phase). */
  public interface Observer {
    void reached(CloudEvent event, Stage stage, long nanos);
  }

  private final Timer[] timers = new Timer[Stage.values().length];
  private volatile Observer observer = (e, s, n) -> { };

  public EndpointLag(MeterRegistry registry) {
    for (Stage s : Stage.values()) {
      timers[s.ordinal()] = Timer.builder("berth.dns.endpoint.lag").tag("stage", s.name().toLowerCase(Locale.ROOT))
          .description("endpoint.joined created -> this hop").publishPercentiles(0.5, 0.99)
          .register(registry);
    }
  }

  /** Timers nobody reads (tests). */
  public static EndpointLag unregistered() {
    return new EndpointLag(new SimpleMeterRegistry());
  }

  /** Records that {@code event} reached {@code stage} now; events without a time are not counted. */
  public void reached(CloudEvent event, Stage stage) {
    OffsetDateTime created = event.getTime();
    if (created != null) {
      long nanos = Duration.between(created, OffsetDateTime.now()).toNanos();
      timers[stage.ordinal()].record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      observer.reached(event, stage, nanos);
    }
  }

  /** Replaces the observer. */
  public void observe(Observer value) {
    this.observer = value;
  }

  /** The timer of a stage (its percentiles and maximum). */
  public Timer timer(Stage stage) {
    return timers[stage.ordinal()];
  }
}
