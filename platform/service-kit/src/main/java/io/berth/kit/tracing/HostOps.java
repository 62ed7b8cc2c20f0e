package io.berth.kit.tracing;

import io.berth.kit.function.ThrowingRunnable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs host operations (netlink calls, nft applies, mounts) off the event loop, each in a span that is a child of the
 * request or event being handled, so a trace shows what the host was asked to do and how long it took.
 */
public final class HostOps {
  private final Vertx vertx;
  private final Tracer tracer;

  public HostOps(Vertx vertx, OpenTelemetry otel) {
    this.vertx = vertx;
    this.tracer = otel.getTracer("io.berth.host");
  }

  /** Runs {@code work} on a worker thread in a span named {@code operation} (for example {@code "netlink link add"}). */
  public <T> Future<T> run(String operation, Callable<T> work) {
    Context parent = Context.current();
    return vertx.executeBlocking(() -> traced(parent, operation, work), false);
  }

  /**
   * Runs void {@code work} on a worker thread in a span named {@code operation}, exactly as {@link #run(String,
   * Callable)} does; it exists so host calls that return nothing read as themselves
   * ({@code hostOps.run("bridge delete " + dev, () -> host.deleteLink(dev))}) instead of ending in {@code return null}.
   * A lambda that returns a value still picks the {@code Callable} overload and keeps its result.
   */
  public Future<Void> run(String operation, ThrowingRunnable work) {
    return run(operation, () -> {
      work.run();
      return null;
    });
  }

  /** Runs {@code work} on the calling thread in a span; for code that is already on a worker or netns thread. */
  public <T> T call(String operation, Callable<T> work) throws Exception {
    return traced(Context.current(), operation, work);
  }

  private <T> T traced(Context parent, String operation, Callable<T> work) throws Exception {
    Span span = tracer.spanBuilder(operation).setParent(parent).setAttribute("berth.host.operation", operation).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return work.call();
    } catch (Exception | Error e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
      throw e;
    } finally {
      span.end();
    }
  }
}
