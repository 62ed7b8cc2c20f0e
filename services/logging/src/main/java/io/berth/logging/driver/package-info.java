/**
 * The log drivers, by Docker's name: {@code LogDrivers} is the driver table (json-file, local, journald, syslog,
 * gelf, splunk, fluentd, none); the wrappers give {@code mode=non-blocking} ({@code NonBlockingDriver},
 * {@code max-buffer-size}) and dual logging, the cache {@code docker logs} reads for drivers that cannot be read
 * ({@code DualLogDriver}, {@code cache-*}). Each remote driver's wire format lives in its own subpackage.
 */
package io.berth.logging.driver;
