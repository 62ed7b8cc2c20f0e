package io.berth.dns.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Counters of what the resolver did with queries ({@code berth_dns_queries_total{result=...}}). */
public final class DnsMetrics {
  private final Counter local;
  private final Counter forwarded;
  private final Counter refused;
  private final Counter failed;
  private final Counter dropped;
  private final Counter failovers;

  public DnsMetrics(MeterRegistry registry) {
    local = counter(registry, "local");
    forwarded = counter(registry, "forwarded");
    refused = counter(registry, "refused");
    failed = counter(registry, "servfail");
    dropped = counter(registry, "dropped");
    failovers = Counter.builder("berth.dns.upstream.failovers").description("upstream attempts that moved on")
        .register(registry);
  }

  /** Counters nobody reads (tests, benchmarks). */
  public static DnsMetrics unregistered() {
    return new DnsMetrics(new SimpleMeterRegistry());
  }

  private static Counter counter(MeterRegistry r, String result) {
    return Counter.builder("berth.dns.queries").tag("result", result).description("DNS queries by outcome")
        .register(r);
  }

  void local() {
    local.increment();
  }

  void forwarded() {
    forwarded.increment();
  }

  void refused() {
    refused.increment();
  }

  void failed() {
    failed.increment();
  }

  void dropped() {
    dropped.increment();
  }

  void failover() {
    failovers.increment();
  }

  /** Total queries dropped as malformed or unanswerable. */
  public double droppedCount() {
    return dropped.count();
  }

  /** Total refused queries. */
  public double refusedCount() {
    return refused.count();
  }

  /** Total upstream failovers. */
  public double failoverCount() {
    return failovers.count();
  }
}
