package io.berth.logging.events;

import io.berth.events.BerthEvents;
import io.berth.events.EventCatalog;
import io.berth.events.logging.LogConfigRejected;
import io.berth.events.logging.LogLinesDropped;
import io.berth.events.logging.LogSinkRecovered;
import io.berth.events.logging.LoggingAttached;
import io.berth.kit.events.EventBus;
import io.vertx.core.Future;

/**
 * The logging service's facts on {@code berth.logging.events}, keyed by container id, from
 * {@code urn:berth:node:<node>:logging}: a container's collection attached ({@code io.berth.logging.container.attached}, formerly {@code io.berth.logging.attached}), its log configuration rejected, lines
 * dropped, a remote sink back.
 */
public final class LoggingEventsPublisher {
  private final EventBus events;
  private final String source;

  public LoggingEventsPublisher(EventBus events, String node) {
    this.events = events;
    this.source = "urn:berth:node:" + node + ":logging";
  }

  public Future<Void> attached(LoggingAttached a) {
    return events.publish(BerthEvents.create(EventCatalog.LOGGING_ATTACHED, source, a.containerId(), a));
  }

  public Future<Void> configRejected(LogConfigRejected r) {
    return events.publish(BerthEvents.create(EventCatalog.LOG_CONFIG_REJECTED, source, r.containerId(), r));
  }

  public Future<Void> linesDropped(LogLinesDropped d) {
    return events.publish(BerthEvents.create(EventCatalog.LOG_LINES_DROPPED, source, d.containerId(), d));
  }

  public Future<Void> sinkRecovered(LogSinkRecovered r) {
    return events.publish(BerthEvents.create(EventCatalog.LOG_SINK_RECOVERED, source, r.containerId(), r));
  }
}
