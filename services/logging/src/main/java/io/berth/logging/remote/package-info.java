/**
 * Delivery to remote drivers (syslog, gelf, splunk, fluentd, journald): the write-ahead disk spool
 * ({@code spool-max-size}), batching, retries with backoff, and the sender that reports a recovered sink.
 */
package io.berth.logging.remote;
