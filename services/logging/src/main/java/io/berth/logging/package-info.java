/**
 * The logging service: {@link io.berth.logging.LoggingService} (the {@code ServiceModule}) deploys
 * {@link io.berth.logging.LoggingEventsVerticle} (container events, {@code berth.logs.ingest}, drop reports) and
 * {@link io.berth.logging.LogsApiVerticle} ({@code docker logs}). The module README maps every Docker log driver
 * option to the class that honours it.
 */
package io.berth.logging;
