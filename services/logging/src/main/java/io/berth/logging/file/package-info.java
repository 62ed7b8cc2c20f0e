/**
 * The files drivers write and {@code docker logs} reads: the {@code json-file} format (Docker's
 * {@code {"log","stream","time"}} lines), the {@code local} format (also the dual-logging cache and the spool),
 * rotation ({@code max-size}, {@code max-file}, {@code compress}) and the reader that tails, filters and follows across
 * rotations.
 */
package io.berth.logging.file;
